using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Pages;

internal static class PagesSetup
{
    internal static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddScoped<LandingPageQuery>();
        services.AddSingleton<LandingPageRenderer>();
        services.AddSingleton<LandingPages>();
        services.AddSingleton<ProfilePhotos>();
        services.AddSingleton<ShareCards>();
        services.AddScoped<IChatCommand, PhotoCommand>();
        return services;
    }
}
