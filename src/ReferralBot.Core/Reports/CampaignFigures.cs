using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Reports;

/// <summary>The queries every report starts from, kept as SQL: nothing is loaded to be counted.</summary>
public sealed class CampaignFigures(ReferralBotDbContext db)
{
    /// <summary>Purchases that count: credited to a referrer and not refunded.</summary>
    public IQueryable<Purchase> Credited(int campaignId) =>
        db.Set<Purchase>().Where(p => p.CampaignId == campaignId && p.ReferrerMemberId != null && p.NotCreditedReason == null
            && !db.Set<Refund>().Any(r => r.PurchaseId == p.Id));

    /// <summary>Per referrer: purchases and sales (as a number SQLite can order by; decimals are text there).</summary>
    public IQueryable<ReferrerTally> ByReferrer(int campaignId) =>
        Credited(campaignId).GroupBy(p => p.ReferrerMemberId!.Value)
            .Select(g => new ReferrerTally { MemberId = g.Key, Purchases = g.Count(), Revenue = g.Sum(p => (double)p.Amount) });
}

/// <summary>A referrer's credited purchases and sales; a class with setters so queries can compose on it.</summary>
public sealed class ReferrerTally
{
    public int MemberId { get; init; }
    public int Purchases { get; init; }
    public double Revenue { get; init; }
}
