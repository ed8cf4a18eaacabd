using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Core.Review.Rules;

/// <summary>
/// A code used at checkout by many different buyers in a short time, none of whom claimed it or clicked its link first:
/// the code has most likely been posted on a coupon site. An influencer's followers who type a code from a post look the
/// same one at a time, so it takes many, and the case only informs the admin: nothing is held or blocked.
/// </summary>
public sealed class LeakedCodeRule : IFraudRule
{
    // A click this many hours before the purchase still explains it.
    private const int ClickExplainsHours = 24;

    public string Name => FraudRuleNames.LeakedCode;

    public bool IsEnabled(FraudOptions options) => options.LeakedCode.Enabled;

    public async Task<IReadOnlyList<ReviewCase>> FindAsync(FraudScanContext scan, CancellationToken cancellationToken)
    {
        var rule = scan.Options.LeakedCode;
        var since = scan.Now.AddHours(-rule.Hours);
        var db = scan.Db;
        var unexplained = await db.Set<Purchase>().AsNoTracking()
            .Where(p => p.ReceivedAt >= since && p.NotCreditedReason == null && p.ReferrerMemberId != null && p.Code != null)
            .Where(p => p.BuyerMemberId == null || !db.Claims.Any(c => c.ReferredMemberId == p.BuyerMemberId))
            .Where(p => !db.Clicks.Any(k => k.MemberId == p.ReferrerMemberId!.Value && k.OccurredAt <= p.OccurredAt && k.OccurredAt >= p.OccurredAt.AddHours(-ClickExplainsHours)))
            .Select(p => new { CampaignId = p.CampaignId!.Value, ReferrerId = p.ReferrerMemberId!.Value, p.Code, Buyer = p.CustomerUserId ?? p.Reference ?? p.OrderId })
            .ToListAsync(cancellationToken);

        var day = scan.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return unexplained.GroupBy(p => p.ReferrerId)
            .Select(g => (Code: g, Buyers: g.Select(p => p.Buyer).Distinct().Count()))
            .Where(x => x.Buyers >= rule.Buyers)
            .Select(x => scan.Case(Name, $"member:{x.Code.Key}:{day}", x.Code.First().CampaignId, x.Code.Key, new Dictionary<string, string>
            {
                ["code"] = x.Code.First().Code!,
                ["buyers"] = x.Buyers.ToString(CultureInfo.InvariantCulture),
                ["hours"] = rule.Hours.ToString(CultureInfo.InvariantCulture),
            }, holds: false))
            .ToList();
    }
}
