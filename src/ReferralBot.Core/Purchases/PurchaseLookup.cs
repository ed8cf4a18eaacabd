using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Purchases;

/// <summary>Reads a purchase back with everything that hangs off it, so a replay answers exactly as the first time.</summary>
public sealed class PurchaseLookup(ReferralBotDbContext db)
{
    public async Task<PurchaseSummary?> FindAsync(string orderId, CancellationToken cancellationToken)
    {
        var purchase = await db.Set<Purchase>().AsNoTracking().SingleOrDefaultAsync(p => p.OrderId == orderId, cancellationToken);
        if (purchase is null) return null;

        var refund = await db.Set<Refund>().AsNoTracking().SingleOrDefaultAsync(r => r.PurchaseId == purchase.Id, cancellationToken);
        var slug = purchase.CampaignId is { } campaignId
            ? await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Slug).SingleAsync(cancellationToken)
            : null;
        var referrerCode = purchase.ReferrerMemberId is { } referrer ? await PrimaryCodeAsync(referrer, cancellationToken) : null;
        var ledger = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.PurchaseId == purchase.Id).OrderBy(e => e.Id)
            .Select(e => new LedgerLine(
                e.Kind, e.Amount, e.Currency,
                db.Codes.Where(c => c.MemberId == e.MemberId && c.IsPrimary).Select(c => c.Value).FirstOrDefault(),
                e.RatePercent, e.TierName, e.ReversesEntryId != null))
            .ToListAsync(cancellationToken);
        var tierUp = await db.Set<TierEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.OrderId == orderId, cancellationToken);
        return new PurchaseSummary(purchase, refund, slug, referrerCode, ledger, tierUp);
    }

    private Task<string?> PrimaryCodeAsync(int memberId, CancellationToken cancellationToken) =>
        db.Codes.Where(c => c.MemberId == memberId && c.IsPrimary).Select(c => c.Value).SingleOrDefaultAsync(cancellationToken);
}
