using System.Collections.Concurrent;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.Console;

/// <summary>
/// Everything the bot says in the terminal comes through the outbox, answers included: an answer to whoever is typing
/// is printed as it is; anything else (a notification, a nudge, an answer to someone else) is marked with who it is for.
/// </summary>
internal sealed class ConsoleOutboundChannel(ConsoleReplyWriter writer, ConsoleIdentity identity) : IOutboundChannel
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiting = new(StringComparer.Ordinal);

    public string Channel => ConsoleChatService.Channel;

    public async Task<DeliveryResult> DeliverAsync(OutboundDelivery delivery, BeginSending beginSending, CancellationToken cancellationToken)
    {
        var (chatId, replies) = (delivery.ChatId, delivery.Replies);
        if (!await beginSending(0, 1, cancellationToken)) return DeliveryResult.Failed; // printed as one
        // An answer to what was just typed is printed as it is; what the bot says on its own is marked with who it is for.
        var answer = Outbox.IsReply(delivery.Key) && chatId == identity.UserId;
        await writer.WriteAsync(replies, answer ? null : $"📨 to {chatId}:", cancellationToken);
        if (waiting.TryRemove(delivery.Key, out var delivered)) delivered.TrySetResult();
        return DeliveryResult.Delivered;
    }

    /// <summary>Completes when the message stored under <paramref name="key"/> (an answer's) has been printed.</summary>
    public Task Printed(string key) =>
        waiting.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
}
