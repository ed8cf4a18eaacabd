using System.Globalization;
using ReferralBot.Core.Rewards;

namespace ReferralBot.Core.Purchases;

/// <summary>A purchase as the admin commands' prompts show it: amounts already formatted in its currency.</summary>
public static class PurchaseChatModel
{
    public static object From(PurchaseSummary summary, bool isNew, string? referrerName) => new
    {
        IsNew = isNew,
        summary.Purchase.OrderId,
        Amount = Money(summary.Purchase.Amount, summary.Purchase.Currency),
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
            Amount = Money(l.Amount, l.Currency),
            Code = l.MemberCode,
            Rate = l.RatePercent is { } rate ? rate.ToString("0.##", CultureInfo.InvariantCulture) + "%" : null,
            Tier = l.TierName,
            l.Reversal,
        }).ToList(),
    };

    public static string Money(decimal amount, string currency) => $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}";

    private static string Label(LedgerKind kind) => kind switch
    {
        LedgerKind.Commission => "commission",
        LedgerKind.FlatFee => "flat fee",
        LedgerKind.ReferrerReward => "referrer reward",
        _ => "discount",
    };
}
