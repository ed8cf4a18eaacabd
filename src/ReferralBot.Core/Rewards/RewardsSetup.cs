using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Rewards;

internal static class RewardsSetup
{
    internal static IServiceCollection AddRewards(this IServiceCollection services)
    {
        services.AddScoped<RewardCalculator>();
        services.AddScoped<TierStanding>();
        return services;
    }
}
