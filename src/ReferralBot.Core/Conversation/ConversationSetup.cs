using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Conversation;

internal static class ConversationSetup
{
    internal static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddScoped<ConversationEngine>();
        services.AddScoped<IChatCommand, HelpCommand>();
        return services;
    }
}
