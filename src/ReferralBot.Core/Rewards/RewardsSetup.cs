using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Rewards;

internal static class RewardsSetup
{
    internal static IServiceCollection AddRewards(this IServiceCollection services)
    {
        services.AddScoped<RewardCalculator>();
        services.AddScoped<TierStanding>();
        services.AddScoped<EarningsQuery>();
        services.AddScoped<IChatCommand, EarningsCommand>();
        return services;
    }
}
