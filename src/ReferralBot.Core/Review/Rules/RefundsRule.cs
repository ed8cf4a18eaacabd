using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Core.Review.Rules;

/// <summary>
/// A member whose referred purchases are refunded at twice the campaign's rate or more (the setting), with a few refunds
/// at least: buy, earn, return. Every reward of theirs not yet paid is held until an admin decides.
/// </summary>
public sealed class RefundsRule : IFraudRule
{
    public string Name => FraudRuleNames.Refunds;

    public bool IsEnabled(FraudOptions options) => options.Refunds.Enabled;

    public async Task<IReadOnlyList<ReviewCase>> FindAsync(FraudScanContext scan, CancellationToken cancellationToken)
    {
        var rule = scan.Options.Refunds;
        var db = scan.Db;
        var refunds = db.Set<Refund>();
        var recent = refunds.Where(r => r.ReceivedAt >= scan.Since).Join(db.Set<Purchase>(), r => r.PurchaseId, p => p.Id, (_, p) => p.CampaignId);
        var tallies = await db.Set<Purchase>().AsNoTracking()
            .Where(p => p.NotCreditedReason == null && p.ReferrerMemberId != null && recent.Contains(p.CampaignId))
            .GroupBy(p => new { CampaignId = p.CampaignId!.Value, ReferrerId = p.ReferrerMemberId!.Value })
            .Select(g => new { g.Key.CampaignId, g.Key.ReferrerId, Bought = g.Count(), Refunded = g.Count(p => refunds.Any(r => r.PurchaseId == p.Id)) })
            .ToListAsync(cancellationToken);

        var cases = new List<ReviewCase>();
        foreach (var campaign in tallies.GroupBy(t => t.CampaignId))
        {
            var rate = (double)campaign.Sum(t => t.Refunded) / campaign.Sum(t => t.Bought);
            foreach (var member in campaign.Where(t => t.Refunded >= rule.MinimumRefunds && (double)t.Refunded / t.Bought >= rule.Times * rate))
            {
                cases.Add(scan.Case(Name, $"member:{member.ReferrerId}", member.CampaignId, member.ReferrerId, new Dictionary<string, string>
                {
                    ["refunded"] = member.Refunded.ToString(CultureInfo.InvariantCulture),
                    ["bought"] = member.Bought.ToString(CultureInfo.InvariantCulture),
                    ["rate"] = ((double)member.Refunded / member.Bought).ToString("0%", CultureInfo.InvariantCulture),
                    ["campaign"] = rate.ToString("0%", CultureInfo.InvariantCulture),
                }, holdsMember: true));
            }
        }

        return cases;
    }
}
