using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Clicks;

internal static class ClicksSetup
{
    internal static IServiceCollection AddClicks(this IServiceCollection services)
    {
        services.AddOptions<ClickOptions>().BindConfiguration(ClickOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<ClickBuffer>();
        services.AddSingleton<ClickWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ClickWriter>());
        services.AddSingleton<ReferralRedirects>();
        services.AddSingleton<RedirectCacheSignal>();
        services.AddSingleton<VisitorSalt>();
        return services;
    }
}
