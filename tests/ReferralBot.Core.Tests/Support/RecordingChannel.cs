using System.Collections.Concurrent;
using System.Threading.Channels;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Core.Tests.Support;

/// <summary>
/// The test channel's outbound side: records what the bot sends on its own (answers to messages go out through it too,
/// and are counted in <see cref="Answers"/>, not recorded); can be told to fail.
/// </summary>
public sealed class RecordingChannel : IOutboundChannel
{
    private readonly ConcurrentQueue<(string ChatId, Said Said)> delivered = new();
    private readonly Channel<(string ChatId, Said Said)> arrivals = System.Threading.Channels.Channel.CreateUnbounded<(string, Said)>();

    public string Channel => ChatScript.Channel;

    /// <summary>What the next deliveries answer instead of delivering.</summary>
    public ConcurrentQueue<DeliveryResult> Outcomes { get; } = new();

    public IReadOnlyList<(string ChatId, Said Said)> Delivered => delivered.ToList();

    /// <summary>Where deliveries are also written as they are recorded: one writer for two instances' channels gives their common order.</summary>
    public ChannelWriter<(string ChatId, Said Said)>? AlsoInto { get; set; }

    /// <summary>Runs when a delivery has begun (claimed) and before it is recorded: a test can stop the service there.</summary>
    public Func<Task>? WhileSending { get; set; }

    private readonly Channel<string> answered = System.Threading.Channels.Channel.CreateUnbounded<string>();
    private int answers;

    /// <summary>How many answers to messages went out.</summary>
    public int Answers => answers;

    /// <summary>While set, answers are not sent (as with the channel down): they stay in the outbox.</summary>
    public bool HoldAnswers { get; set; }

    public async Task<DeliveryResult> DeliverAsync(OutboundDelivery delivery, BeginSending beginSending, CancellationToken cancellationToken)
    {
        var (chatId, replies) = (delivery.ChatId, delivery.Replies);
        if (Outbox.IsReply(delivery.Key))
        {
            if (HoldAnswers) return DeliveryResult.Failed;
            if (!await beginSending(0, 1, cancellationToken)) return DeliveryResult.Failed;
            Interlocked.Increment(ref answers);
            answered.Writer.TryWrite(chatId);
            return DeliveryResult.Delivered;
        }

        if (Outcomes.TryDequeue(out var outcome)) return outcome;
        // Each reply is a request of its own, as on Telegram; a resumed delivery sends only those not started before.
        for (var request = delivery.FirstRequest; request < replies.Count; request++)
        {
            if (!await beginSending(request, replies.Count, cancellationToken)) return DeliveryResult.Failed;
            if (request == delivery.FirstRequest && WhileSending is { } pause) await pause();
        }

        var recorded = (chatId, new Said(replies.Skip(delivery.FirstRequest).ToList()));
        delivered.Enqueue(recorded);
        arrivals.Writer.TryWrite(recorded);
        AlsoInto?.TryWrite(recorded);
        return DeliveryResult.Delivered;
    }

    /// <summary>The chat of the next answer sent, as it happens.</summary>
    public async Task<string> NextAnswerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await answered.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next delivery, as it happens (signalled, not polled).</summary>
    public async Task<(string ChatId, Said Said)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await arrivals.Reader.ReadAsync(timeout.Token);
    }
}
