using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Links;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Host.Purchases;

/// <summary>The JSON a shop posts to <c>/api/purchases</c>.</summary>
public sealed record PurchaseRequest(
    string? OrderId, decimal? Amount, string? Currency, DateTimeOffset? OccurredAt, string? Code, string? Reference, CustomerRef? Customer, decimal? Discount, string? Source = null)
    : IWebhookRequest
{
    public static IReadOnlyDictionary<string, string> Forms { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["orderId"] = "A string: the shop's order id.",
        ["amount"] = "A JSON number (not a string), like 89.90.",
        ["currency"] = "A string: an ISO 4217 code in capitals, like SGD.",
        ["occurredAt"] = "A string: ISO 8601 with an offset, like 2026-11-24T09:00:00+08:00 or 2026-11-24T01:00:00Z.",
        ["code"] = "A string: the code used at checkout.",
        ["reference"] = "A string: the rb_ref the visitor landed with.",
        ["discount"] = "A JSON number (not a string), like 10.00.",
        ["source"] = "A string: a source tag like ig or qr.",
        ["customer"] = "An object: {\"channel\":\"telegram\",\"userId\":\"123456789\"}.",
        ["customer.channel"] = "A string, like telegram.",
        ["customer.userId"] = "A string, like \"123456789\".",
    };

    /// <summary>Every problem, by field, for the 400's problem+json; empty when the request is good.</summary>
    public Dictionary<string, string[]> Problems(DateTimeOffset now, TimeSpan maxSkew)
    {
        var problems = new Dictionary<string, string[]>();
        Add(problems, "orderId", PurchaseRules.OrderIdProblem(OrderId));
        Add(problems, "amount", PurchaseRules.AmountProblem(Amount));
        if (!CampaignSettings.IsCurrency(Currency)) problems["currency"] = ["Required: an ISO 4217 code in capitals, like SGD."];
        if (OccurredAt is not { } occurredAt) problems["occurredAt"] = ["Required: when the order was placed, ISO 8601 with an offset."];
        else Add(problems, "occurredAt", PurchaseRules.OccurredAtProblem(occurredAt.UtcDateTime, now.Add(maxSkew).UtcDateTime));
        Add(problems, "discount", PurchaseRules.DiscountProblem(Discount, Amount));
        if (Source is not null && LinkSource.Normalize(Source) is null) problems["source"] = ["A source tag: up to 16 lower-case letters, digits or hyphens, like ig or qr."];
        if (Code is { Length: > 40 }) problems["code"] = ["At most 40 characters."];
        if (Reference is { Length: > 100 }) problems["reference"] = ["At most 100 characters."];
        if (Customer is not null && (string.IsNullOrWhiteSpace(Customer.Channel) || string.IsNullOrWhiteSpace(Customer.UserId)
                || Customer.Channel.Length > 32 || Customer.UserId.Length > 128))
            problems["customer"] = ["Both channel and userId, like {\"channel\":\"telegram\",\"userId\":\"123456789\"}."];
        return problems;
    }

    public PurchaseReport ToReport() =>
        new(OrderId!.Trim(), Amount!.Value, Currency!, OccurredAt!.Value.UtcDateTime, Code, Reference?.Trim(),
            Customer?.Channel?.Trim().ToLowerInvariant(), Customer?.UserId?.Trim(), "webhook", Discount, Source);

    private static void Add(Dictionary<string, string[]> problems, string field, string? problem)
    {
        if (problem is not null) problems[field] = [problem];
    }
}
