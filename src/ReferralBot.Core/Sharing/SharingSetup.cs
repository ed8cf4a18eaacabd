using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Sharing;

internal static class SharingSetup
{
    internal static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddSingleton<ShareKit>();
        services.AddScoped<IChatCommand, ShareCommand>();
        services.AddScoped<ChatCards>();
        return services;
    }
}
