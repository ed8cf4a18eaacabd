namespace ReferralBot.Core.Outbound;

/// <summary>
/// A message the bot sends on its own, stored before it is sent so that a restart does not lose it. The key
/// (for example <c>claim:42:referrer</c>) is unique: the same notification is never queued twice.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    public required string Key { get; init; }
    /// <summary>Who it is for; null for a reply to a group chat that did not say who asked.</summary>
    public int? PersonId { get; init; }
    public required string Channel { get; init; }
    public required string ChatId { get; init; }

    /// <summary>The replies to send, as JSON.</summary>
    public required string Payload { get; set; }

    public DateTime CreatedAt { get; init; }
    public DateTime DueAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>
    /// Set (by a conditional update) just before the channel puts the first request on the wire. A row found with
    /// this set but neither sent nor dropped once its instance is gone was cut off mid-send; it is not sent again.
    /// </summary>
    public DateTime? SendingAt { get; set; }

    /// <summary>
    /// The instance that took the message (instances sharing the store mark it as they take it; otherwise it is set
    /// with <see cref="SendingAt"/>): no other instance sends it, and its row is taken over only once that instance is gone.
    /// </summary>
    public string? SendingBy { get; set; }

    /// <summary>How many requests the channel sends it as (a long text, a photo and a text…), known once sending began.</summary>
    public int Requests { get; set; }

    /// <summary>
    /// How many of them have been started. A crash cuts short at most the last one started: the message then resumes
    /// with the next one, and only a message whose last request was cut short is dropped as interrupted.
    /// </summary>
    public int RequestsStarted { get; set; }

    /// <summary>Set when it will never be sent (the person is unreachable); with the reason.</summary>
    public DateTime? DroppedAt { get; set; }

    public string? DropReason { get; set; }
    public int Attempts { get; set; }
}
