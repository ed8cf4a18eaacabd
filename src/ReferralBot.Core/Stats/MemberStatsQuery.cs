using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Members;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Sharing;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Stats;

/// <summary>A member's tallies, counted and summed by the database on indexed columns (never loaded and counted here).</summary>
public sealed class MemberStatsQuery(ReferralBotDbContext db, TierStanding standing, EarningsQuery earnings)
{
    public async Task<MemberStats> ForAsync(Member member, CancellationToken cancellationToken)
    {
        var clicks = db.Clicks.Where(c => c.MemberId == member.Id && c.Kind == VisitKind.Click);
        var tallies = db.Set<ClickTally>().Where(t => t.MemberId == member.Id);
        var signUps = db.Claims.Where(c => c.ReferrerMemberId == member.Id);
        var purchases = standing.Counted(member.Id);
        var count = await purchases.CountAsync(cancellationToken);
        var money = await earnings.ForAsync(member, cancellationToken);

        string? tier = null, next = null;
        int? toNext = null;
        if (member.Role == MemberRole.Influencer)
        {
            var ladder = await standing.LadderAsync(member.Campaign, cancellationToken);
            tier = ladder.At(count)?.Name;
            if (ladder.After(count) is { } after) (next, toNext) = (after.Name, after.MinPurchases - count);
        }

        return new MemberStats(
            Views: await tallies.Where(t => t.Kind == VisitKind.PageView).SumAsync(t => t.Clicks, cancellationToken),
            Clicks: await tallies.Where(t => t.Kind == VisitKind.Click).SumAsync(t => t.Clicks, cancellationToken),
            LastClickAt: await clicks.OrderByDescending(c => c.OccurredAt).Select(c => (DateTime?)c.OccurredAt).FirstOrDefaultAsync(cancellationToken),
            SignUps: await signUps.CountAsync(cancellationToken),
            LastSignUpAt: await signUps.OrderByDescending(c => c.ClaimedAt).Select(c => (DateTime?)c.ClaimedAt).FirstOrDefaultAsync(cancellationToken),
            Purchases: count,
            Revenue: await purchases.SumAsync(p => p.Amount, cancellationToken),
            Earnings: money.Net,
            Payable: money.Payable,
            Currency: member.Campaign.Currency,
            Tier: tier,
            NextTier: next,
            PurchasesToNextTier: toNext,
            CardsPosted: await db.Set<ChatShare>().CountAsync(s => s.MemberId == member.Id, cancellationToken));
    }
}
