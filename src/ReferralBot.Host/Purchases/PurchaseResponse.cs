using System.Text.Json.Serialization;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Host.Purchases;

/// <summary>
/// What the purchase and refund endpoints answer; built from the stored rows, so a replay answers exactly as the
/// first time.
/// </summary>
public sealed record PurchaseResponse(
    string OrderId,
    string Status,
    string? Campaign,
    string? ReferrerCode,
    string? Reason,
    decimal Amount,
    string Currency,
    IReadOnlyList<RewardLine> Rewards,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TierUp)
{
    public static PurchaseResponse From(PurchaseSummary summary) => new(
        summary.Purchase.OrderId,
        summary.Status,
        summary.CampaignSlug,
        summary.Purchase.Credited ? summary.ReferrerCode : null,
        summary.Purchase.NotCreditedReason,
        TwoDecimals(summary.Purchase.Amount),
        summary.Purchase.Currency,
        summary.Ledger.Select(l => new RewardLine(ReferralBot.Core.Rewards.LedgerKindNames.Of(l.Kind), TwoDecimals(l.Amount), l.Currency, l.MemberCode, l.RatePercent, l.TierName, l.Reversal)).ToList(),
        summary.TierUp?.TierName);

    // 89.9 read back from the database is written as 89.90: money always shows its cents.
    private static decimal TwoDecimals(decimal amount) => Math.Round(amount, 2) + 0.00m;
}

/// <summary>One reward of the purchase (negative and <c>reversal</c> after a refund).</summary>
public sealed record RewardLine(
    string Kind,
    decimal Amount,
    string Currency,
    string? Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? RatePercent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tier,
    bool Reversal);
