using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Limits;

internal static class LimitsSetup
{
    internal static IServiceCollection AddLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitOptions>().BindConfiguration(LimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AbuseLimits>();
        return services;
    }
}
