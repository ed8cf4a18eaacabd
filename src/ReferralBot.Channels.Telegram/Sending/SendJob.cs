using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>One Bot API send to one chat; the send is re-run on a retry, so it must build its request afresh.</summary>
internal sealed class SendJob(long chatId, Func<CancellationToken, Task> send)
{
    public long ChatId { get; } = chatId;

    public Func<CancellationToken, Task> Send { get; } = send;

    public TaskCompletionSource<DeliveryResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Attempts { get; set; }

    /// <summary>When this attempt was started by the scheduler, and whether its request has been counted on the wire yet.</summary>
    public DateTimeOffset StartedAt { get; set; }

    public bool Wired { get; set; }

    // Set by the first write of this attempt's request (any thread); a request is written in several.
    private int onWire;

    /// <summary>True for the first write of this attempt's request, which passes the <see cref="WireWindow"/>.</summary>
    public bool TryEnterWire() => Interlocked.Exchange(ref onWire, 1) == 0;

    /// <summary>Counts an attempt about to start; its request has not been written yet.</summary>
    public void BeginAttempt()
    {
        Attempts++;
        Volatile.Write(ref onWire, 0);
    }

    /// <summary>Groups and channels have negative ids and a stricter per-chat limit.</summary>
    public bool IsGroup => ChatId < 0;
}
