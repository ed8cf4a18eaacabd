using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Campaigns;

/// <summary>What an admin reads about campaigns: their headline numbers, counted by the database.</summary>
public sealed class CampaignOverview(ReferralBotDbContext db, AuditLog audit)
{
    public sealed record Headline(Campaign Campaign, int Members, int SignUps, int Clicks);

    public async Task<List<Headline>> ListAsync(CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var members = await CountsAsync(db.Members.GroupBy(m => m.CampaignId).Select(g => new CampaignCount(g.Key, g.Count())), cancellationToken);
        var signUps = await CountsAsync(db.Claims.GroupBy(c => c.CampaignId).Select(g => new CampaignCount(g.Key, g.Count())), cancellationToken);
        var clicks = await CountsAsync(db.Set<ClickTally>().Where(t => t.Kind == VisitKind.Click).GroupBy(t => t.CampaignId).Select(g => new CampaignCount(g.Key, g.Sum(t => t.Clicks))), cancellationToken);
        return campaigns.Select(c => new Headline(c, members.GetValueOrDefault(c.Id), signUps.GetValueOrDefault(c.Id), clicks.GetValueOrDefault(c.Id))).ToList();
    }

    public async Task<Headline> HeadlineAsync(Campaign campaign, CancellationToken cancellationToken) => new(
        campaign,
        await db.Members.CountAsync(m => m.CampaignId == campaign.Id, cancellationToken),
        await db.Claims.CountAsync(c => c.CampaignId == campaign.Id, cancellationToken),
        await db.Set<ClickTally>().Where(t => t.CampaignId == campaign.Id && t.Kind == VisitKind.Click).SumAsync(t => t.Clicks, cancellationToken));

    public Task<List<Tier>> TiersAsync(int campaignId, CancellationToken cancellationToken) =>
        db.Set<Tier>().AsNoTracking().Where(t => t.CampaignId == campaignId).OrderBy(t => t.MinPurchases).ToListAsync(cancellationToken);

    public Task<List<AuditEntry>> RecentChangesAsync(int campaignId, CancellationToken cancellationToken) =>
        audit.LatestAsync(campaignId, 5, cancellationToken);

    private static async Task<Dictionary<int, int>> CountsAsync(IQueryable<CampaignCount> query, CancellationToken cancellationToken) =>
        await query.ToDictionaryAsync(c => c.CampaignId, c => c.Count, cancellationToken);

    private sealed record CampaignCount(int CampaignId, int Count);
}
