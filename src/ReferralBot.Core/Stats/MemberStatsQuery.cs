using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Stats;

/// <summary>A member's tallies, counted by the database on indexed columns (never loaded and counted here).</summary>
public sealed class MemberStatsQuery(ReferralBotDbContext db)
{
    public async Task<MemberStats> ForAsync(int memberId, CancellationToken cancellationToken)
    {
        var clicks = db.Clicks.Where(c => c.MemberId == memberId);
        var signUps = db.Claims.Where(c => c.ReferrerMemberId == memberId);
        return new MemberStats(
            Clicks: await clicks.CountAsync(cancellationToken),
            LastClickAt: await clicks.OrderByDescending(c => c.OccurredAt).Select(c => (DateTime?)c.OccurredAt).FirstOrDefaultAsync(cancellationToken),
            SignUps: await signUps.CountAsync(cancellationToken),
            LastSignUpAt: await signUps.OrderByDescending(c => c.ClaimedAt).Select(c => (DateTime?)c.ClaimedAt).FirstOrDefaultAsync(cancellationToken),
            // Purchases are recorded once the purchases feature lands; until then there are none to count.
            Purchases: 0);
    }
}
