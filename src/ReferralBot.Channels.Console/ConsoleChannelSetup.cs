using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.Console;

public static class ConsoleChannelSetup
{
    /// <summary>
    /// Adds the terminal chat when <c>ConsoleChat:Enabled</c> is true, or unset and no other chat channel was added
    /// before it (none is configured): then the terminal is the one place to talk to the bot.
    /// </summary>
    public static IServiceCollection AddConsoleChat(this IServiceCollection services, IConfiguration configuration, ConsoleIo? io = null)
    {
        services.AddOptions<ConsoleChatOptions>().BindConfiguration(ConsoleChatOptions.Section);
        var enabled = configuration.GetValue<bool?>($"{ConsoleChatOptions.Section}:Enabled") ?? !services.Any(d => d.ServiceType == typeof(IOutboundChannel));
        if (!enabled) return services;

        services.AddSingleton(io ?? ConsoleIo.Terminal());
        services.AddSingleton<ConsoleReplyWriter>();
        services.AddSingleton<ConsoleLineReader>();
        services.AddSingleton<ConsoleIdentity>();
        services.AddSingleton<ConsoleOutboundChannel>();
        services.AddSingleton<IOutboundChannel>(sp => sp.GetRequiredService<ConsoleOutboundChannel>());
        services.AddHostedService<ConsoleChatService>();
        return services;
    }

    /// <summary>Whether <see cref="AddConsoleChat"/> added the terminal chat to <paramref name="services"/>.</summary>
    public static bool IsAdded(IServiceCollection services) => services.Any(d => d.ServiceType == typeof(ConsoleChatService) || d.ImplementationType == typeof(ConsoleChatService));
}
