using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ReferralBot.Core.Review.Rules;

/// <summary>
/// Claims coming under a second (the setting) after a click on the same code, many of them: people read a page and open
/// the chat in seconds at least; a script does it at once. Each such claim is flagged once there are enough of them.
/// </summary>
public sealed class FastClaimsRule : IFraudRule
{
    public string Name => FraudRuleNames.FastClaims;

    public bool IsEnabled(FraudOptions options) => options.FastClaims.Enabled;

    public async Task<IReadOnlyList<ReviewCase>> FindAsync(FraudScanContext scan, CancellationToken cancellationToken)
    {
        var rule = scan.Options.FastClaims;
        var db = scan.Db;
        var claims = await db.Claims.AsNoTracking().Where(c => c.ClaimedAt >= scan.Since)
            .Select(c => new
            {
                c.Id, c.CampaignId, c.ReferrerMemberId, c.Code, c.ClaimedAt,
                Clicked = db.Clicks.Where(k => k.MemberId == c.ReferrerMemberId && k.OccurredAt <= c.ClaimedAt).Max(k => (DateTime?)k.OccurredAt),
            })
            .ToListAsync(cancellationToken);

        var fast = claims.Where(c => c.Clicked is { } clicked && (c.ClaimedAt - clicked).TotalSeconds < rule.Seconds);
        var cases = new List<ReviewCase>();
        foreach (var code in fast.GroupBy(c => c.ReferrerMemberId).Where(g => g.Count() >= rule.Claims))
        {
            foreach (var claim in code)
            {
                cases.Add(scan.Case(Name, $"claim:{claim.Id}", claim.CampaignId, claim.ReferrerMemberId, new Dictionary<string, string>
                {
                    ["code"] = claim.Code,
                    ["claims"] = code.Count().ToString(CultureInfo.InvariantCulture),
                    ["seconds"] = ((claim.ClaimedAt - claim.Clicked!.Value).TotalMilliseconds / 1000).ToString("0.0#", CultureInfo.InvariantCulture),
                }, claimId: claim.Id));
            }
        }

        return cases;
    }
}
