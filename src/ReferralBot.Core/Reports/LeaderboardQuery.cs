using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Reports;

/// <summary>
/// A campaign's top referrers by purchases, ties broken by sales, with the asker's rank among all its members
/// (those hidden by <c>/hide</c> still count for ranks, they are just not named).
/// </summary>
public sealed class LeaderboardQuery(ReferralBotDbContext db, CampaignFigures figures)
{
    public async Task<Leaderboard> ForAsync(int campaignId, int? askerMemberId, int size, CancellationToken cancellationToken)
    {
        var tallies = figures.ByReferrer(campaignId);
        var top = await tallies
            .Join(db.Members, t => t.MemberId, m => m.Id, (t, m) => new { t, m.Person.HiddenFromLeaderboards, m.Person.DisplayName, Code = m.Codes.Where(c => c.IsPrimary).Select(c => c.Value).First() })
            .Where(x => !x.HiddenFromLeaderboards)
            .OrderByDescending(x => x.t.Purchases).ThenByDescending(x => x.t.Revenue).ThenBy(x => x.t.MemberId)
            .Take(size)
            .ToListAsync(cancellationToken);

        var ranked = new List<(int, Standing)>();
        foreach (var x in top)
        {
            var rank = await RankAsync(tallies, x.t.Purchases, x.t.Revenue, cancellationToken);
            ranked.Add((rank, new Standing(x.t.MemberId, x.DisplayName, x.Code, x.t.Purchases, (decimal)Math.Round(x.t.Revenue, 2))));
        }

        var members = await db.Members.CountAsync(m => m.CampaignId == campaignId, cancellationToken);
        if (askerMemberId is not { } asker) return new Leaderboard(ranked, null, 0, members);
        var mine = await tallies.Where(t => t.MemberId == asker).SingleOrDefaultAsync(cancellationToken);
        var askerRank = await RankAsync(tallies, mine?.Purchases ?? 0, mine?.Revenue ?? 0, cancellationToken);
        return new Leaderboard(ranked, askerRank, mine?.Purchases ?? 0, members);
    }

    // One more than those strictly ahead: more purchases, or as many and more sales. Members without a purchase
    // have none ahead of them but those with purchases.
    private static async Task<int> RankAsync(IQueryable<ReferrerTally> tallies, int purchases, double revenue, CancellationToken cancellationToken) =>
        1 + await tallies.CountAsync(t => t.Purchases > purchases || t.Purchases == purchases && t.Revenue > revenue + 0.005, cancellationToken);
}
