using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Core.Review.Rules;

/// <summary>
/// A member whose referred purchases are refunded at twice the campaign's rate or more (the setting), with a few refunds
/// at least: buy, earn, return. Every reward of theirs not yet paid is held until an admin decides. Only members with a
/// refund in the look-back are weighed, against their campaign's rate over all its credited purchases; and only when
/// the rest of the campaign's rate makes that many refunds unlikely (among thousands of members, a few small tallies
/// reach twice the rate by chance alone).
/// </summary>
public sealed class RefundsRule : IFraudRule
{
    public string Name => FraudRuleNames.Refunds;

    public bool IsEnabled(FraudOptions options) => options.Refunds.Enabled;

    public async Task<IReadOnlyList<ReviewCase>> FindAsync(FraudScanContext scan, CancellationToken cancellationToken)
    {
        var rule = scan.Options.Refunds;
        var db = scan.Db;
        var credited = db.Set<Purchase>().AsNoTracking().Where(p => p.NotCreditedReason == null && p.ReferrerMemberId != null);
        var refunded = db.Set<Refund>().Join(credited, r => r.PurchaseId, p => p.Id, (r, p) => new { r.ReceivedAt, p.CampaignId, p.ReferrerMemberId });
        var suspects = await refunded.Where(r => r.ReceivedAt >= scan.Since)
            .Select(r => r.ReferrerMemberId!.Value).Distinct().ToListAsync(cancellationToken);
        if (suspects.Count == 0) return [];

        var bought = await credited.Where(p => suspects.Contains(p.ReferrerMemberId!.Value))
            .GroupBy(p => new { CampaignId = p.CampaignId!.Value, ReferrerId = p.ReferrerMemberId!.Value })
            .Select(g => new { g.Key.CampaignId, g.Key.ReferrerId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var returned = (await refunded.Where(r => suspects.Contains(r.ReferrerMemberId!.Value))
            .GroupBy(r => r.ReferrerMemberId!.Value)
            .Select(g => new { ReferrerId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken)).ToDictionary(r => r.ReferrerId, r => r.Count);
        var campaigns = bought.Select(b => b.CampaignId).Distinct().ToList();
        var campaignBought = await credited.Where(p => campaigns.Contains(p.CampaignId!.Value))
            .GroupBy(p => p.CampaignId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var campaignReturned = await refunded.Where(r => campaigns.Contains(r.CampaignId!.Value))
            .GroupBy(r => r.CampaignId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var cases = new List<ReviewCase>();
        foreach (var member in bought)
        {
            var memberRefunded = returned.GetValueOrDefault(member.ReferrerId);
            var campaignRefunded = campaignReturned.GetValueOrDefault(member.CampaignId);
            var rate = (double)campaignRefunded / campaignBought[member.CampaignId];
            if (memberRefunded < rule.MinimumRefunds || (double)memberRefunded / member.Count < rule.Times * rate) continue;
            var othersBought = campaignBought[member.CampaignId] - member.Count;
            var othersRate = othersBought == 0 ? rate : (double)(campaignRefunded - memberRefunded) / othersBought;
            if (Chance.AtLeast(memberRefunded, member.Count, othersRate) >= rule.Chance) continue;
            cases.Add(scan.Case(Name, $"member:{member.ReferrerId}", member.CampaignId, member.ReferrerId, new Dictionary<string, string>
            {
                ["refunded"] = memberRefunded.ToString(CultureInfo.InvariantCulture),
                ["bought"] = member.Count.ToString(CultureInfo.InvariantCulture),
                ["rate"] = ((double)memberRefunded / member.Count).ToString("0%", CultureInfo.InvariantCulture),
                ["campaign"] = rate.ToString("0%", CultureInfo.InvariantCulture),
            }, holdsMember: true));
        }

        return cases;
    }
}
