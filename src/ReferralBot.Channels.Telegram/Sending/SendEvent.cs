using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>What the scheduler reacts to. Only its own loop touches the lanes, so they need no locks.</summary>
internal abstract record SendEvent
{
    public sealed record Queued(SendJob Job) : SendEvent;

    public sealed record Finished(SendJob Job, DeliveryResult Result) : SendEvent;

    /// <summary>The job's request just went on the wire (seen by <see cref="TelegramWireClock"/>).</summary>
    public sealed record Wired(SendJob Job, DateTimeOffset At) : SendEvent;

    /// <summary>Try the job again: after <paramref name="Delay"/>, for this chat or (a 429) for every chat.</summary>
    public sealed record Retry(SendJob Job, TimeSpan Delay, bool Everyone) : SendEvent;
}
