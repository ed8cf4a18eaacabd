using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Core.Review.Rules;

/// <summary>
/// One buyer credited to two referrers or more in a campaign: each purchase credited to someone other than the buyer's
/// first referrer is flagged (a referral is made once; a buyer passed between codes is someone farming them).
/// </summary>
public sealed class TwoReferrersRule : IFraudRule
{
    public string Name => FraudRuleNames.TwoReferrers;

    public bool IsEnabled(FraudOptions options) => options.TwoReferrers.Enabled;

    public async Task<IReadOnlyList<ReviewCase>> FindAsync(FraudScanContext scan, CancellationToken cancellationToken)
    {
        var db = scan.Db;
        var credited = db.Set<Purchase>().AsNoTracking().Where(p => p.NotCreditedReason == null && p.ReferrerMemberId != null)
            .Select(p => new
            {
                p.Id, p.OrderId, p.OccurredAt, p.ReceivedAt, CampaignId = p.CampaignId!.Value, ReferrerId = p.ReferrerMemberId!.Value,
                Code = db.Codes.Where(c => c.MemberId == p.ReferrerMemberId && c.IsPrimary).Select(c => c.Value).First(),
                // The person the reference named, else the customer the shop named (who may never have written to the bot).
                Buyer = p.BuyerMemberId != null
                    ? "person:" + db.Members.Where(m => m.Id == p.BuyerMemberId).Select(m => m.PersonId).First()
                    : p.CustomerUserId != null ? "customer:" + p.CustomerChannel + ":" + p.CustomerUserId : null,
            })
            .Where(p => p.Buyer != null);
        var recentBuyers = credited.Where(p => p.ReceivedAt >= scan.Since).Select(p => p.Buyer);
        var purchases = await credited.Where(p => recentBuyers.Contains(p.Buyer)).ToListAsync(cancellationToken);

        var cases = new List<ReviewCase>();
        foreach (var bought in purchases.GroupBy(p => (p.Buyer, p.CampaignId)))
        {
            var ordered = bought.OrderBy(p => p.OccurredAt).ThenBy(p => p.Id).ToList();
            var first = ordered[0];
            var codes = string.Join(", ", ordered.Select(p => p.Code).Distinct());
            foreach (var p in ordered.Where(p => p.ReferrerId != first.ReferrerId && p.ReceivedAt >= scan.Since))
            {
                cases.Add(scan.Case(Name, $"purchase:{p.Id}", p.CampaignId, p.ReferrerId, new Dictionary<string, string>
                {
                    ["order"] = p.OrderId,
                    ["first"] = first.Code,
                    ["codes"] = codes,
                }, purchaseId: p.Id));
            }
        }

        return cases;
    }
}
