using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Links;

internal static class LinksSetup
{
    internal static IServiceCollection AddLinks(this IServiceCollection services)
    {
        services.AddSingleton<ChatLinks>();
        services.AddSingleton<ReferralLinkBuilder>();
        return services;
    }
}
