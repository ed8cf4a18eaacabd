using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Claims;

internal static class ClaimsSetup
{
    internal static IServiceCollection AddClaims(this IServiceCollection services)
    {
        services.AddScoped<ClaimService>();
        services.AddSingleton<FreshClaims>();
        services.AddSingleton<ClaimReplies>();
        services.AddScoped<IChatCommand, StartCommand>();
        services.AddScoped<IChatCommand, ClaimCommand>();
        return services;
    }
}
