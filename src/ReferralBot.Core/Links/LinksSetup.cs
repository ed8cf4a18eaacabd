using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Links;

internal static class LinksSetup
{
    internal static IServiceCollection AddLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ChatDeepLinks { TelegramBotUsername = configuration["Telegram:BotUsername"] });
        services.AddSingleton<ReferralLinkBuilder>();
        return services;
    }
}
