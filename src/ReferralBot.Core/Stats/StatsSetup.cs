using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Stats;

internal static class StatsSetup
{
    internal static IServiceCollection AddStats(this IServiceCollection services)
    {
        services.AddScoped<MemberStatsQuery>();
        services.AddScoped<IChatCommand, StatsCommand>();
        return services;
    }
}
