namespace ReferralBot.Core.Payouts;

/// <summary>
/// A payout event to post to <c>Payouts:WebhookUrl</c>, stored in the transaction that made it happen and posted from
/// here until the shop answers 2xx (at least once: the shop tells repeats apart by <see cref="EventId"/>, unique).
/// </summary>
public sealed class PayoutWebhook
{
    public long Id { get; private set; }
    public required string EventId { get; init; }
    public required string Event { get; init; }
    public required string Url { get; init; }
    public required string Payload { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? DeliveredAt { get; set; }

    /// <summary>When it stopped being tried (too many failures); it stays for an operator to see.</summary>
    public DateTime? GaveUpAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Which instance is posting it, until when: another may take it over after.</summary>
    public string? LeasedBy { get; set; }
    public DateTime? LeasedUntil { get; set; }
}
