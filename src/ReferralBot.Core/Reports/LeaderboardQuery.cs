using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Reports;

/// <summary>
/// A campaign's top referrers by purchases, ties broken by sales, with the asker's rank among all its members
/// (those hidden by <c>/hide</c> still count for ranks, they are just not named). Three grouped queries, whatever
/// the number of purchases: the head of the ranking, the hidden members in it, and the asker's place.
/// </summary>
public sealed class LeaderboardQuery(ReferralBotDbContext db, CampaignFigures figures)
{
    public async Task<Leaderboard> ForAsync(int campaignId, int? askerMemberId, int size, CancellationToken cancellationToken)
    {
        var tallies = figures.ByReferrer(campaignId);
        var named = tallies.Join(db.Members, t => t.MemberId, m => m.Id, (t, m) => new
        {
            t.MemberId,
            t.Purchases,
            t.Revenue,
            m.Person.HiddenFromLeaderboards,
            m.Person.DisplayName,
            Code = m.Codes.Where(c => c.IsPrimary).Select(c => c.Value).First(),
        });
        // Enough of the head that, after leaving out the hidden, the board is full; hidden members still take ranks.
        var hidden = await named.CountAsync(x => x.HiddenFromLeaderboards, cancellationToken);
        var head = await named
            .OrderByDescending(x => x.Purchases).ThenByDescending(x => x.Revenue).ThenBy(x => x.MemberId)
            .Take(size + hidden)
            .ToListAsync(cancellationToken);

        var ranked = new List<(int, Standing)>();
        for (var i = 0; i < head.Count && ranked.Count < size; i++)
        {
            var x = head[i];
            if (x.HiddenFromLeaderboards) continue;
            var rank = 1 + head.Take(i).Count(y => Ahead(y.Purchases, y.Revenue, x.Purchases, x.Revenue));
            ranked.Add((rank, new Standing(x.MemberId, x.DisplayName, x.Code, x.Purchases, ReportMoney.FromSum(x.Revenue))));
        }

        var members = await db.Members.CountAsync(m => m.CampaignId == campaignId, cancellationToken);
        if (askerMemberId is not { } asker) return new Leaderboard(ranked, null, 0, members);
        var mine = await tallies.Where(t => t.MemberId == asker).SingleOrDefaultAsync(cancellationToken);
        var (purchases, revenue) = (mine?.Purchases ?? 0, mine?.Revenue ?? 0);
        var askerRank = 1 + await tallies.CountAsync(t => t.Purchases > purchases || t.Purchases == purchases && t.Revenue > revenue + 0.005, cancellationToken);
        return new Leaderboard(ranked, askerRank, purchases, members);
    }

    // Strictly ahead: more purchases, or as many and more sales (sales compared to the cent).
    private static bool Ahead(int purchases, double revenue, int otherPurchases, double otherRevenue) =>
        purchases > otherPurchases || purchases == otherPurchases && revenue > otherRevenue + 0.005;
}
