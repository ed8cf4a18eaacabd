using ReferralBot.Core.Purchases;

namespace ReferralBot.Host.Purchases;

/// <summary>The JSON a shop posts to <c>/api/refunds</c>: a whole order refunded.</summary>
public sealed record RefundRequest(string? OrderId, DateTimeOffset? OccurredAt, string? Reason)
{
    public Dictionary<string, string[]> Problems(DateTimeOffset now)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(OrderId) || OrderId.Length > 100) problems["orderId"] = ["Required: the order id the purchase was reported with."];
        if (OccurredAt > now.AddDays(1)) problems["occurredAt"] = ["Must not be in the future."];
        if (Reason is { Length: > 200 }) problems["reason"] = ["At most 200 characters."];
        return problems;
    }

    public RefundReport ToReport(DateTimeOffset now) => new(OrderId!.Trim(), (OccurredAt ?? now).UtcDateTime, Reason, "webhook");
}
