using System.Globalization;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Rewards;

namespace ReferralBot.Core.Purchases;

/// <summary>A purchase as the admin commands' prompts show it: amounts already formatted in its currency.</summary>
public static class PurchaseChatModel
{
    public static object From(PurchaseSummary summary, bool isNew, string? referrerName) => new
    {
        IsNew = isNew,
        summary.Purchase.OrderId,
        Amount = MoneyText.Format(summary.Purchase.Amount, summary.Purchase.Currency),
        summary.Status,
        Reason = summary.Purchase.NotCreditedReason,
        Campaign = summary.CampaignSlug,
        summary.ReferrerCode,
        ReferrerName = referrerName,
        ReportedBy = summary.Purchase.ReportedBy,
        summary.Purchase.ReceivedAt,
        RefundedAt = summary.Refund?.ReceivedAt,
        TierUp = summary.TierUp?.TierName,
        Lines = summary.Ledger.Select(l => new
        {
            Kind = Label(l.Kind),
            Amount = MoneyText.Format(l.Amount, l.Currency),
            Code = l.MemberCode,
            Rate = l.RatePercent is { } rate ? rate.ToString("0.##", CultureInfo.InvariantCulture) + "%" : null,
            Tier = l.TierName,
            l.Reversal,
        }).ToList(),
    };

    // "flat-fee" reads as "flat fee" in a sentence.
    private static string Label(LedgerKind kind) => LedgerKindNames.Of(kind).Replace('-', ' ');
}
