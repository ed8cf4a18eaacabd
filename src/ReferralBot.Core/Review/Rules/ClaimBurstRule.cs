using Microsoft.EntityFrameworkCore;

namespace ReferralBot.Core.Review.Rules;

/// <summary>
/// A burst of claims on one code from people the bot first saw with that claim: more than N in M minutes, and more
/// than the code's own usual rate (its claims over the week before the burst) times the setting. Each claim in the
/// burst is flagged, holding the rewards of whatever that claimant buys.
/// </summary>
public sealed class ClaimBurstRule : IFraudRule
{
    // Someone first seen this close before their claim came in with it.
    private static readonly TimeSpan NewWith = TimeSpan.FromMinutes(1);

    public string Name => FraudRuleNames.ClaimBurst;

    public bool IsEnabled(FraudOptions options) => options.ClaimBurst.Enabled;

    public async Task<IReadOnlyList<ReviewCase>> FindAsync(FraudScanContext scan, CancellationToken cancellationToken)
    {
        var rule = scan.Options.ClaimBurst;
        var window = TimeSpan.FromMinutes(rule.Minutes);
        var db = scan.Db;
        var claims = await db.Claims.AsNoTracking().Where(c => c.ClaimedAt >= scan.Since)
            .Select(c => new
            {
                c.Id, c.CampaignId, c.ReferrerMemberId, c.Code, c.ClaimedAt,
                FirstSeen = db.Members.Where(m => m.Id == c.ReferredMemberId).Select(m => m.Person.FirstSeenAt).First(),
            })
            .ToListAsync(cancellationToken);

        var cases = new List<ReviewCase>();
        foreach (var code in claims.Where(c => c.ClaimedAt - c.FirstSeen <= NewWith).GroupBy(c => c.ReferrerMemberId))
        {
            var fresh = code.OrderBy(c => c.ClaimedAt).ToList();
            var flagged = new HashSet<int>();
            for (int start = 0, end = 0; end < fresh.Count; end++)
            {
                while (fresh[end].ClaimedAt - fresh[start].ClaimedAt > window) start++;
                var inWindow = end - start + 1;
                if (inWindow <= rule.Claims) continue;
                var before = fresh[start].ClaimedAt;
                var usual = await db.Claims.CountAsync(c => c.ReferrerMemberId == code.Key && c.ClaimedAt < before && c.ClaimedAt >= before.AddDays(-7), cancellationToken)
                    * window.TotalMinutes / TimeSpan.FromDays(7).TotalMinutes;
                if (inWindow <= rule.TimesUsual * usual) continue;
                for (var i = start; i <= end; i++) flagged.Add(i);
            }

            foreach (var i in flagged)
            {
                var claim = fresh[i];
                cases.Add(scan.Case(Name, $"claim:{claim.Id}", claim.CampaignId, claim.ReferrerMemberId, new Dictionary<string, string>
                {
                    ["code"] = claim.Code,
                    ["claims"] = flagged.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["minutes"] = rule.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }, claimId: claim.Id));
            }
        }

        return cases;
    }
}
