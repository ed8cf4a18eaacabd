using ReferralBot.Core.Purchases;

namespace ReferralBot.Core.Rewards;

/// <summary>
/// One line of the append-only rewards ledger. Entries are never edited or deleted: a refund adds a reversing
/// entry (negative amount, <see cref="ReversesEntryId"/> set). <see cref="Key"/> is unique, so a retried or
/// concurrent write of the same reward fails instead of paying twice.
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; private set; }
    public required string Key { get; init; }
    public int CampaignId { get; init; }

    /// <summary>Who the amount is for; null for the discount of a buyer we do not know.</summary>
    public int? MemberId { get; init; }

    /// <summary>The purchase a reward (or its reversal) is for; null for a payout.</summary>
    public long? PurchaseId { get; init; }
    public Purchase? Purchase { get; init; }
    public LedgerKind Kind { get; init; }
    public decimal Amount { get; init; }
    public required string Currency { get; init; }

    /// <summary>For a commission: the percent applied and the tier it came from.</summary>
    public decimal? RatePercent { get; init; }
    public string? TierName { get; init; }
    public long? ReversesEntryId { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>
    /// When a reward stops being pending: its purchase's time plus the campaign's hold then, fixed when it is earned (a
    /// reversal keeps its reward's). A payout's is when it was made.
    /// </summary>
    public DateTime PayableAt { get; init; }

    public static string PurchaseKey(string orderId, LedgerKind kind) => $"order:{orderId}:{kind}";

    // A flat fee is owed once per influencer and campaign; after its purchase is refunded it may be earned again,
    // so the key counts the reversals before it.
    public static string FlatFeeKey(int campaignId, int memberId, int reversalsBefore) => $"flat-fee:{campaignId}:{memberId}:{reversalsBefore}";

    public static string ReversalKey(long entryId) => $"reverse:{entryId}";

    /// <summary>The entry that cancels <paramref name="entry"/> (a refund, a rejected review): its own unique key, so it is made once.</summary>
    public static LedgerEntry ReversalOf(LedgerEntry entry, DateTime now) => new()
    {
        Key = ReversalKey(entry.Id),
        CampaignId = entry.CampaignId,
        MemberId = entry.MemberId,
        PurchaseId = entry.PurchaseId,
        Kind = entry.Kind,
        Amount = -entry.Amount,
        Currency = entry.Currency,
        RatePercent = entry.RatePercent,
        TierName = entry.TierName,
        ReversesEntryId = entry.Id,
        CreatedAt = now,
        PayableAt = entry.PayableAt,
    };

    // The n-th payout to a member in a campaign: two payout runs that read the same balance count the same payouts
    // before, so they write the same key and only one of them lands.
    public static string PayoutKey(int campaignId, int memberId, int payoutsBefore) => $"payout:{campaignId}:{memberId}:{payoutsBefore}";
}
