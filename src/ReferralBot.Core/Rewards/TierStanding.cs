using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Rewards;

/// <summary>What tiers count: a referrer's credited purchases that have not been refunded.</summary>
public sealed class TierStanding(ReferralBotDbContext db)
{
    public IQueryable<Purchase> Counted(int referrerMemberId) =>
        db.Set<Purchase>().Where(p => p.ReferrerMemberId == referrerMemberId && p.NotCreditedReason == null
            && !db.Set<Refund>().Any(r => r.PurchaseId == p.Id));

    public Task<int> CountAsync(int referrerMemberId, CancellationToken cancellationToken) =>
        Counted(referrerMemberId).CountAsync(cancellationToken);

    public async Task<TierLadder> LadderAsync(Campaign campaign, CancellationToken cancellationToken) =>
        new(await db.Set<Tier>().AsNoTracking().Where(t => t.CampaignId == campaign.Id).ToListAsync(cancellationToken), campaign.CommissionPercent);
}
