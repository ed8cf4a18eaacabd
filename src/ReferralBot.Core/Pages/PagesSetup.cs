using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Pages;

internal static class PagesSetup
{
    internal static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddScoped<LandingPageQuery>();
        services.AddSingleton<LandingPageRenderer>();
        services.AddSingleton<LandingPages>();
        return services;
    }
}
