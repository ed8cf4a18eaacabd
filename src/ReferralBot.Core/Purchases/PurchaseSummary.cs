using ReferralBot.Core.Rewards;

namespace ReferralBot.Core.Purchases;

/// <summary>A purchase as stored, with its refund and ledger lines: what every answer about it is built from.</summary>
public sealed record PurchaseSummary(
    Purchase Purchase,
    Refund? Refund,
    string? CampaignSlug,
    string? ReferrerCode,
    IReadOnlyList<LedgerLine> Ledger,
    TierEvent? TierUp)
{
    public string Status => Refund is not null ? "refunded" : Purchase.Credited ? "credited" : "recorded";
}

/// <summary>One ledger entry of a purchase, with the code of the member it is for.</summary>
public sealed record LedgerLine(LedgerKind Kind, decimal Amount, string Currency, string? MemberCode, decimal? RatePercent, string? TierName, bool Reversal);
