using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.Console;

public static class ConsoleChannelSetup
{
    /// <summary>Adds the terminal chat when <c>ConsoleChat:Enabled</c> is true, or unset and no Telegram token is configured.</summary>
    public static IServiceCollection AddConsoleChat(this IServiceCollection services, IConfiguration configuration, ConsoleIo? io = null)
    {
        services.AddOptions<ConsoleChatOptions>().BindConfiguration(ConsoleChatOptions.Section);
        if (!IsEnabled(configuration)) return services;

        services.AddSingleton(io ?? ConsoleIo.Terminal());
        services.AddSingleton<ConsoleReplyWriter>();
        services.AddSingleton<ConsoleLineReader>();
        services.AddSingleton<IOutboundChannel, ConsoleOutboundChannel>();
        services.AddHostedService<ConsoleChatService>();
        return services;
    }

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>($"{ConsoleChatOptions.Section}:Enabled") ?? string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"]);
}
