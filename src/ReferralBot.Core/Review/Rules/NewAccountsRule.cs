using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ReferralBot.Core.Review.Rules;

/// <summary>
/// Many claimers on one code in a day whose Telegram accounts look made for it: a user id above the setting (Telegram
/// gives out ids in rising order, so a high one is a recent account; the threshold must rise as Telegram grows, and a
/// real new user looks the same, hence "many"), no username, and nothing sent since the claim's <c>/start</c>. Each such
/// claim is flagged.
/// </summary>
public sealed class NewAccountsRule : IFraudRule
{
    public const string TelegramChannel = "telegram";

    // Someone whose last message came this soon after their first sent nothing but the /start that claimed.
    private static readonly TimeSpan OnlyStart = TimeSpan.FromMinutes(1);

    public string Name => FraudRuleNames.NewAccounts;

    public bool IsEnabled(FraudOptions options) => options.NewAccounts.Enabled;

    public async Task<IReadOnlyList<ReviewCase>> FindAsync(FraudScanContext scan, CancellationToken cancellationToken)
    {
        var rule = scan.Options.NewAccounts;
        var db = scan.Db;
        var claims = await db.Claims.AsNoTracking().Where(c => c.ClaimedAt >= scan.Since)
            .Join(db.Members, c => c.ReferredMemberId, m => m.Id, (c, m) => new { c.Id, c.CampaignId, c.ReferrerMemberId, c.Code, c.ClaimedAt, m.Person })
            .Where(x => x.Person.Channel == TelegramChannel && x.Person.Username == null)
            .Select(x => new { x.Id, x.CampaignId, x.ReferrerMemberId, x.Code, x.ClaimedAt, x.Person.ExternalId, x.Person.FirstSeenAt, x.Person.LastSeenAt })
            .ToListAsync(cancellationToken);

        var suspicious = claims.Where(c => long.TryParse(c.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > rule.IdAbove
            && c.LastSeenAt - c.FirstSeenAt <= OnlyStart);
        var cases = new List<ReviewCase>();
        foreach (var day in suspicious.GroupBy(c => (c.ReferrerMemberId, c.ClaimedAt.Date)).Where(g => g.Count() >= rule.Claimers))
        {
            foreach (var claim in day)
            {
                cases.Add(scan.Case(Name, $"claim:{claim.Id}", claim.CampaignId, claim.ReferrerMemberId, new Dictionary<string, string>
                {
                    ["code"] = claim.Code,
                    ["claimers"] = day.Count().ToString(CultureInfo.InvariantCulture),
                    ["above"] = rule.IdAbove.ToString(CultureInfo.InvariantCulture),
                }, claimId: claim.Id));
            }
        }

        return cases;
    }
}
