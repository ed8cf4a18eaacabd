using System.ComponentModel.DataAnnotations;

namespace ReferralBot.Core.Outbound;

/// <summary>The <c>Outbox</c> section: how stored messages are handed to the channels.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the outbox looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages handed to the channels at once; their own queues keep the rate limits.</summary>
    [Range(1, 10_000)]
    public int MaxInFlight { get; set; } = 200;

    /// <summary>After this many failed attempts a message is dropped.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;
}
