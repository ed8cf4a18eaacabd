namespace ReferralBot.Core.Purchases;

/// <summary>A purchase refunded, once (unique per purchase). Its rewards are reversed by ledger entries.</summary>
public sealed class Refund
{
    public long Id { get; private set; }
    public long PurchaseId { get; init; }
    public required string OrderId { get; init; }
    public DateTime OccurredAt { get; init; }
    public DateTime ReceivedAt { get; init; }
    public string? Reason { get; init; }
    public required string ReportedBy { get; init; }
}
