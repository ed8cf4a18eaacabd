using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Core.Review.Rules;

/// <summary>
/// A credited purchase whose buyer is the code's owner under another account: the same payout details, or the same name
/// in another channel. (The same account is never credited at all: attribution refuses an own code.)
/// </summary>
public sealed class SelfReferralRule(PayoutDetailsVault vault) : IFraudRule
{
    public string Name => FraudRuleNames.SelfReferral;

    public bool IsEnabled(FraudOptions options) => options.SelfReferral.Enabled;

    public async Task<IReadOnlyList<ReviewCase>> FindAsync(FraudScanContext scan, CancellationToken cancellationToken)
    {
        var db = scan.Db;
        var purchases = await db.Set<Purchase>().AsNoTracking()
            .Where(p => p.ReceivedAt >= scan.Since && p.NotCreditedReason == null && p.ReferrerMemberId != null)
            .Select(p => new
            {
                p.Id, p.OrderId, CampaignId = p.CampaignId!.Value, ReferrerId = p.ReferrerMemberId!.Value,
                Owner = db.Members.Where(m => m.Id == p.ReferrerMemberId).Select(m => m.PersonId).First(),
                Buyer = p.BuyerMemberId != null
                    ? db.Members.Where(m => m.Id == p.BuyerMemberId).Select(m => (int?)m.PersonId).First()
                    : db.People.Where(x => x.Channel == p.CustomerChannel && x.ExternalId == p.CustomerUserId).Select(x => (int?)x.Id).FirstOrDefault(),
            })
            .Where(p => p.Buyer != null && p.Buyer != p.Owner)
            .ToListAsync(cancellationToken);
        if (purchases.Count == 0) return [];

        var ids = purchases.SelectMany(p => new[] { p.Owner, p.Buyer!.Value }).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(x => ids.Contains(x.Id) && x.ErasedAt == null)
            .Select(x => new { x.Id, x.Channel, x.ExternalId, x.DisplayName }).ToDictionaryAsync(x => x.Id, cancellationToken);
        // Compared opened (the masked form shows four digits only, which many share); nothing of them leaves here.
        var payouts = (await db.Set<PayoutAccount>().AsNoTracking().Where(a => ids.Contains(a.PersonId)).ToListAsync(cancellationToken))
            .ToDictionary(a => a.PersonId, a => vault.Open(a.Sealed) is var d ? (d.Method, d.Account.ToUpperInvariant()) : default);

        var cases = new List<ReviewCase>();
        foreach (var p in purchases)
        {
            if (!people.TryGetValue(p.Owner, out var owner) || !people.TryGetValue(p.Buyer!.Value, out var buyer)) continue;
            var samePayout = payouts.TryGetValue(owner.Id, out var a) && payouts.TryGetValue(buyer.Id, out var b) && a == b;
            var sameName = owner.Channel != buyer.Channel && SameName(owner.DisplayName, buyer.DisplayName);
            if (!samePayout && !sameName) continue;
            cases.Add(scan.Case(Name, $"purchase:{p.Id}", p.CampaignId, p.ReferrerId, new Dictionary<string, string>
            {
                ["order"] = p.OrderId,
                ["owner"] = $"{owner.Channel}:{owner.ExternalId}",
                ["buyer"] = $"{buyer.Channel}:{buyer.ExternalId}",
                ["why"] = samePayout ? "payout" : "name",
                ["name"] = buyer.DisplayName,
            }, purchaseId: p.Id));
        }

        return cases;
    }

    // The same name, ignoring case and spacing, and long enough to mean something ("Jo" is many people).
    private static bool SameName(string a, string b)
    {
        static string Norm(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        var (x, y) = (Norm(a), Norm(b));
        return x.Length >= 4 && x == y;
    }
}
