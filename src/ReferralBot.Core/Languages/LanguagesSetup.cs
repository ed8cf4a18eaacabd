using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Languages;

internal static class LanguagesSetup
{
    internal static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddScoped<ReplyLanguages>();
        services.AddScoped<IChatCommand, LanguageCommand>();
        return services;
    }
}
