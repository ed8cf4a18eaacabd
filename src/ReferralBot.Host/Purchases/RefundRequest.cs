using ReferralBot.Core.Purchases;

namespace ReferralBot.Host.Purchases;

/// <summary>The JSON a shop posts to <c>/api/refunds</c>: a whole order refunded.</summary>
public sealed record RefundRequest(string? OrderId, DateTimeOffset? OccurredAt, string? Reason) : IWebhookRequest
{
    public static IReadOnlyDictionary<string, string> Forms { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["orderId"] = "A string: the order id the purchase was reported with.",
        ["occurredAt"] = "A string: ISO 8601 with an offset, like 2026-11-24T09:00:00+08:00.",
        ["reason"] = "A string.",
    };

    public Dictionary<string, string[]> Problems(DateTimeOffset now, TimeSpan maxSkew)
    {
        var problems = new Dictionary<string, string[]>();
        if (PurchaseRules.OrderIdProblem(OrderId) is not null) problems["orderId"] = ["Required: the order id the purchase was reported with."];
        if (OccurredAt is { } occurredAt && PurchaseRules.OccurredAtProblem(occurredAt.UtcDateTime, now.Add(maxSkew).UtcDateTime) is { } problem)
            problems["occurredAt"] = [problem];
        if (Reason is { Length: > 200 } || Reason?.Any(char.IsControl) == true) problems["reason"] = ["At most 200 characters, on one line."];
        return problems;
    }

    public RefundReport ToReport(DateTimeOffset now) => new(OrderId!.Trim(), (OccurredAt ?? now).UtcDateTime, Reason, "webhook");
}
