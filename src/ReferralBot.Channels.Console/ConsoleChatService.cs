using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.Console;

/// <summary>
/// The chat in the terminal: each line typed (or piped in) is a message to the bot, handled like any channel's, and its
/// answer is printed by the outbox (<see cref="ConsoleOutboundChannel"/>) before the next line is read.
/// <c>/as NAME</c> switches who is typing. The end of the input (or <c>/quit</c>) stops the service.
/// </summary>
internal sealed class ConsoleChatService(
    ConsoleIo io,
    InboundPipeline pipeline,
    ConsoleOutboundChannel outbound,
    ConsoleIdentity identity,
    ConsoleLineReader reader,
    IHostApplicationLifetime lifetime,
    IOptions<BotOptions> bot) : BackgroundService
{
    public const string Channel = AdminPolicy.ConsoleChannel;
    // The outbox sends an answer within milliseconds; this only keeps a stalled outbox from stalling the terminal.
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        await io.Out.WriteLineAsync(
            $"ReferralBot is running. Web links: {bot.Value.PublicBaseUrl}/r/CODE\n" +
            $"You are chatting as {identity.DisplayName} (the owner, an admin). /help lists commands, /as NAME switches who you are, /quit stops.\n");

        while (!stoppingToken.IsCancellationRequested)
        {
            if (!io.InputIsPiped) await io.Out.WriteAsync($"{identity.UserId} › ");
            var line = await reader.ReadLineAsync(stoppingToken);
            if (line is null || line.Trim() is "/quit" or "/exit") break;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (io.InputIsPiped) await io.Out.WriteLineAsync($"{identity.UserId} › {line}");

            if (CommandLine.Parse(line) is { Name: "as" } switchTo)
            {
                await SwitchAsync(switchTo.ArgumentText);
                continue;
            }

            var message = new InboundMessage(Channel, identity.UserId, identity.UserId, identity.DisplayName, line)
            {
                DeliveryId = Guid.NewGuid().ToString("N"),
                Photo = await PhotoFileAsync(line, stoppingToken),
            };
            var answered = outbound.Printed(Outbox.ReplyKey(message));
            var result = await pipeline.HandleAsync(message, stoppingToken);
            if (result.Replies.Count > 0) await answered.WaitAsync(AnswerWait, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        lifetime.StopApplication();
    }

    // The terminal's way to send a picture: /photo and the path of an image file.
    private static async Task<byte[]?> PhotoFileAsync(string line, CancellationToken cancellationToken) =>
        CommandLine.Parse(line) is { Name: ConversationEngine.PhotoCommandName, ArgumentText: { Length: > 0 } path } && File.Exists(path)
            ? await File.ReadAllBytesAsync(path, cancellationToken)
            : null;

    private async Task SwitchAsync(string name)
    {
        if (name.Length > 0 && !identity.SwitchTo(name))
            await io.Out.WriteLineAsync("A name needs letters or digits: /as bob\n");
        else
            await io.Out.WriteLineAsync(name.Length == 0
                ? $"You are {identity.DisplayName} ({Channel}:{identity.UserId}). /as NAME switches, /as owner comes back.\n"
                : $"You are now {identity.DisplayName} ({Channel}:{identity.UserId}){(identity.IsOwner ? ", the owner" : "")}.\n");
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
