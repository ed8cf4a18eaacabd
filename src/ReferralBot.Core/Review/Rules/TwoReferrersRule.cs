using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Core.Review.Rules;

/// <summary>
/// One buyer credited to two referrers or more in a campaign: each purchase credited to someone other than the buyer's
/// first referrer is flagged (a referral is made once; a buyer passed between codes is someone farming them). A buyer is
/// the person the shop's reference named, else the customer the shop named (who may never have written to the bot).
/// Only buyers with a purchase in the look-back are looked at, by their own rows.
/// </summary>
public sealed class TwoReferrersRule : IFraudRule
{
    public string Name => FraudRuleNames.TwoReferrers;

    public bool IsEnabled(FraudOptions options) => options.TwoReferrers.Enabled;

    public async Task<IReadOnlyList<ReviewCase>> FindAsync(FraudScanContext scan, CancellationToken cancellationToken)
    {
        var db = scan.Db;
        var credited = db.Set<Purchase>().AsNoTracking().Where(p => p.NotCreditedReason == null && p.ReferrerMemberId != null);
        var recent = await credited.Where(p => p.ReceivedAt >= scan.Since)
            .Select(p => new { p.BuyerMemberId, p.CustomerChannel, p.CustomerUserId })
            .ToListAsync(cancellationToken);
        var buyerMembers = recent.Where(p => p.BuyerMemberId != null).Select(p => p.BuyerMemberId!.Value).Distinct().ToList();
        var customers = recent.Where(p => p.BuyerMemberId == null && p.CustomerUserId != null).Select(p => p.CustomerUserId!).Distinct().ToList();
        if (buyerMembers.Count == 0 && customers.Count == 0) return [];

        // A buyer's memberships are one person's: their purchases in any of them count together.
        var people = await db.Members.Where(m => buyerMembers.Contains(m.Id)).Select(m => m.PersonId).Distinct().ToListAsync(cancellationToken);
        var personOf = await db.Members.Where(m => people.Contains(m.PersonId)).ToDictionaryAsync(m => m.Id, m => m.PersonId, cancellationToken);
        var memberIds = personOf.Keys.ToList();
        var rows = await credited
            .Where(p => p.BuyerMemberId != null && memberIds.Contains(p.BuyerMemberId.Value) || p.BuyerMemberId == null && p.CustomerUserId != null && customers.Contains(p.CustomerUserId))
            .Select(p => new
            {
                p.Id, p.OrderId, p.OccurredAt, p.ReceivedAt, CampaignId = p.CampaignId!.Value, ReferrerId = p.ReferrerMemberId!.Value,
                p.BuyerMemberId, p.CustomerChannel, p.CustomerUserId,
            })
            .ToListAsync(cancellationToken);
        var referrers = rows.Select(r => r.ReferrerId).Distinct().ToList();
        var codes = await db.Codes.Where(c => referrers.Contains(c.MemberId) && c.IsPrimary).ToDictionaryAsync(c => c.MemberId, c => c.Value, cancellationToken);

        var cases = new List<ReviewCase>();
        var byBuyer = rows.GroupBy(r => (Buyer: r.BuyerMemberId is { } m ? $"person:{personOf[m]}" : $"customer:{r.CustomerChannel}:{r.CustomerUserId}", r.CampaignId));
        foreach (var bought in byBuyer)
        {
            var ordered = bought.OrderBy(p => p.OccurredAt).ThenBy(p => p.Id).ToList();
            var first = ordered[0];
            var credit = string.Join(", ", ordered.Select(p => codes[p.ReferrerId]).Distinct());
            foreach (var p in ordered.Where(p => p.ReferrerId != first.ReferrerId && p.ReceivedAt >= scan.Since))
            {
                cases.Add(scan.Case(Name, $"purchase:{p.Id}", p.CampaignId, p.ReferrerId, new Dictionary<string, string>
                {
                    ["order"] = p.OrderId,
                    ["first"] = codes[first.ReferrerId],
                    ["codes"] = credit,
                }, purchaseId: p.Id));
            }
        }

        return cases;
    }
}
