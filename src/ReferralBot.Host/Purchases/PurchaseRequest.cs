using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Host.Purchases;

/// <summary>The JSON a shop posts to <c>/api/purchases</c>.</summary>
public sealed record PurchaseRequest(
    string? OrderId, decimal? Amount, string? Currency, DateTimeOffset? OccurredAt, string? Code, string? Reference, CustomerRef? Customer, decimal? Discount, string? Source = null)
{
    /// <summary>Every problem, by field, for the 400's problem+json; empty when the request is good.</summary>
    public Dictionary<string, string[]> Problems(DateTimeOffset now)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(OrderId) || OrderId.Length > 100) problems["orderId"] = ["Required: the shop's order id, at most 100 characters."];
        if (Amount is not > 0 || Amount > 100_000_000m || decimal.Round(Amount.Value, 2) != Amount) problems["amount"] = ["Required: more than 0 and at most 100000000, with at most two decimals."];
        if (!CampaignSettings.IsCurrency(Currency)) problems["currency"] = ["Required: an ISO 4217 code in capitals, like SGD."];
        if (OccurredAt is null) problems["occurredAt"] = ["Required: when the order was placed, ISO 8601 with an offset."];
        else if (OccurredAt > now.AddDays(1)) problems["occurredAt"] = ["Must not be in the future."];
        if (Discount is < 0 || Discount is { } d && decimal.Round(d, 2) != d) problems["discount"] = ["At least 0, with at most two decimals."];
        if (Source is not null && ReferralBot.Core.Links.LinkSource.Normalize(Source) is null) problems["source"] = ["A source tag: up to 16 lower-case letters, digits or hyphens, like ig or qr."];
        if (Code is { Length: > 40 }) problems["code"] = ["At most 40 characters."];
        if (Reference is { Length: > 100 }) problems["reference"] = ["At most 100 characters."];
        if (Customer is not null && (string.IsNullOrWhiteSpace(Customer.Channel) || string.IsNullOrWhiteSpace(Customer.UserId)))
            problems["customer"] = ["Both channel and userId, like {\"channel\":\"telegram\",\"userId\":\"123456789\"}."];
        return problems;
    }

    public PurchaseReport ToReport() =>
        new(OrderId!.Trim(), Amount!.Value, Currency!, OccurredAt!.Value.UtcDateTime, Code, Reference?.Trim(),
            Customer?.Channel?.Trim().ToLowerInvariant(), Customer?.UserId?.Trim(), "webhook", Discount, Source);
}
