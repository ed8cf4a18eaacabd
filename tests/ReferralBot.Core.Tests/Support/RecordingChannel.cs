using System.Collections.Concurrent;
using System.Threading.Channels;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Core.Tests.Support;

/// <summary>The test channel's outbound side: records what the bot sends on its own; can be told to fail.</summary>
public sealed class RecordingChannel : IOutboundChannel
{
    private readonly ConcurrentQueue<(string ChatId, Said Said)> delivered = new();
    private readonly Channel<(string ChatId, Said Said)> arrivals = System.Threading.Channels.Channel.CreateUnbounded<(string, Said)>();

    public string Channel => ChatScript.Channel;

    /// <summary>What the next deliveries answer instead of delivering.</summary>
    public ConcurrentQueue<DeliveryResult> Outcomes { get; } = new();

    public IReadOnlyList<(string ChatId, Said Said)> Delivered => delivered.ToList();

    /// <summary>Runs when a delivery has begun (claimed) and before it is recorded: a test can stop the service there.</summary>
    public Func<Task>? WhileSending { get; set; }

    public async Task<DeliveryResult> DeliverAsync(string chatId, IReadOnlyList<Reply> replies, BeginSending beginSending, CancellationToken cancellationToken)
    {
        if (Outcomes.TryDequeue(out var outcome)) return outcome;
        if (!await beginSending(cancellationToken)) return DeliveryResult.Failed;
        if (WhileSending is { } pause) await pause();
        var delivery = (chatId, new Said(replies));
        delivered.Enqueue(delivery);
        arrivals.Writer.TryWrite(delivery);
        return DeliveryResult.Delivered;
    }

    /// <summary>The next delivery, as it happens (signalled, not polled).</summary>
    public async Task<(string ChatId, Said Said)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await arrivals.Reader.ReadAsync(timeout.Token);
    }
}
