using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Members;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Sharing;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Reports;

/// <summary>
/// Works out a campaign's report in the database: every count and sum is a grouped SQL query on indexed columns;
/// what comes back is one line per referrer, per source and per day, never the clicks or purchases themselves.
/// Clicks come from the maintained <see cref="ClickTally"/> rows; unique clicks are distinct visitors per referrer, source
/// and day (the visitor hash changes daily).
/// </summary>
public sealed class CampaignReportQuery(ReferralBotDbContext db, CampaignFigures figures, EarningsQuery earnings)
{
    public async Task<CampaignReport> ForAsync(int campaignId, CancellationToken cancellationToken)
    {
        var tallies = db.Set<ClickTally>().Where(t => t.CampaignId == campaignId && t.Kind == VisitKind.Click);
        var uniqueViews = await db.Set<ClickTally>().Where(t => t.CampaignId == campaignId && t.Kind == VisitKind.PageView)
            .SumAsync(t => t.UniqueClicks, cancellationToken);
        var clicksByMember = await tallies.GroupBy(t => t.MemberId)
            .Select(g => new { MemberId = g.Key, Clicks = g.Sum(t => t.Clicks), Unique = g.Sum(t => t.UniqueClicks) })
            .ToDictionaryAsync(x => x.MemberId, cancellationToken);
        var signUpsByMember = await db.Claims.Where(c => c.CampaignId == campaignId).GroupBy(c => c.ReferrerMemberId)
            .Select(g => new { MemberId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.MemberId, x => x.Count, cancellationToken);
        var purchasesByMember = await figures.ByReferrer(campaignId).ToDictionaryAsync(x => x.MemberId, cancellationToken);
        var refundedByMember = await RefundedCredited(campaignId).GroupBy(p => p.ReferrerMemberId!.Value)
            .Select(g => new { MemberId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.MemberId, x => x.Count, cancellationToken);
        var ledger = db.Set<LedgerEntry>().Where(e => e.CampaignId == campaignId);
        var money = await earnings.ByMemberAsync(campaignId, cancellationToken);
        var costByKind = await ledger.Where(e => e.Kind != LedgerKind.Payout).GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Sum = g.Sum(e => (double)e.Amount) })
            .ToDictionaryAsync(x => x.Kind.ToString(), x => Money(x.Sum), cancellationToken);

        // Everyone who brought anything, one line each (names joined in SQL, not looked up one by one).
        var referrerIds = clicksByMember.Keys.Concat(signUpsByMember.Keys).Concat(purchasesByMember.Keys).Concat(refundedByMember.Keys).ToHashSet();
        var people = (await db.Members.Where(m => m.CampaignId == campaignId)
                .Join(db.Codes.Where(c => c.IsPrimary), m => m.Id, c => c.MemberId, (m, c) => new { m.Id, m.Person.DisplayName, m.Role, Code = c.Value })
                .ToListAsync(cancellationToken))
            .Where(p => referrerIds.Contains(p.Id));
        var members = people.Select(p => new MemberLine(
                p.Id, p.DisplayName, p.Code, p.Role == MemberRole.Influencer,
                clicksByMember.GetValueOrDefault(p.Id)?.Unique ?? 0,
                signUpsByMember.GetValueOrDefault(p.Id),
                purchasesByMember.GetValueOrDefault(p.Id)?.Purchases ?? 0,
                refundedByMember.GetValueOrDefault(p.Id),
                Money(purchasesByMember.GetValueOrDefault(p.Id)?.Revenue ?? 0),
                money.GetValueOrDefault(p.Id)?.Net ?? 0m,
                money.GetValueOrDefault(p.Id)?.OwedBack ?? 0m))
            .OrderByDescending(m => m.Purchases).ThenByDescending(m => m.Revenue).ThenBy(m => m.MemberId)
            .ToList();

        var (customers, customersRevenue) = await ReferredCustomersAsync(campaignId, cancellationToken);
        return new CampaignReport(
            UniqueViews: uniqueViews,
            TotalClicks: clicksByMember.Values.Sum(c => c.Clicks),
            UniqueClicks: clicksByMember.Values.Sum(c => c.Unique),
            SignUps: signUpsByMember.Values.Sum(),
            Purchases: purchasesByMember.Values.Sum(p => p.Purchases),
            Refunded: refundedByMember.Values.Sum(),
            Revenue: Money(purchasesByMember.Values.Sum(p => p.Revenue)),
            CostByKind: costByKind,
            ReferredCustomers: customers,
            ReferredCustomersRevenue: customersRevenue,
            Sources: await SourcesAsync(campaignId, cancellationToken),
            Members: members,
            PurchasesPerDay: await PerDayAsync(campaignId, cancellationToken),
            Payouts: new PayoutFigures(
                money.Values.Sum(m => m.Pending), money.Values.Sum(m => m.Payable), money.Values.Sum(m => m.InPayment),
                money.Values.Sum(m => m.Paid), money.Values.Sum(m => m.OwedBack)),
            CardsPosted: await db.Set<ChatShare>().CountAsync(s => s.CampaignId == campaignId, cancellationToken));
    }

    private IQueryable<Purchase> RefundedCredited(int campaignId) =>
        db.Set<Purchase>().Where(p => p.CampaignId == campaignId && p.ReferrerMemberId != null && p.NotCreditedReason == null
            && db.Set<Refund>().Any(r => r.PurchaseId == p.Id));

    // Referred customers: known buyers who claimed a code here or bought with one (all their unrefunded purchases in
    // the campaign count towards lifetime value), plus each credited purchase by a buyer the shop did not name.
    private async Task<(int Customers, decimal Revenue)> ReferredCustomersAsync(int campaignId, CancellationToken cancellationToken)
    {
        var credited = figures.Credited(campaignId);
        // One list of the referred buyers (SQL's IN, a hashed semi-join), not an OR of two correlated EXISTS: PostgreSQL
        // runs those as sub-plans per purchase and, costing them so, JIT-compiles the query every time.
        var referred = db.Claims.Where(c => c.CampaignId == campaignId).Select(c => (int?)c.ReferredMemberId)
            .Concat(credited.Select(q => q.BuyerMemberId));
        var known = db.Set<Purchase>().Where(p => p.CampaignId == campaignId && p.BuyerMemberId != null
            && !db.Set<Refund>().Any(r => r.PurchaseId == p.Id)
            && referred.Contains(p.BuyerMemberId));
        var knownBuyers = await known.Select(p => p.BuyerMemberId).Distinct().CountAsync(cancellationToken);
        var knownRevenue = await known.SumAsync(p => (double)p.Amount, cancellationToken);
        var anonymous = credited.Where(p => p.BuyerMemberId == null);
        var anonymousCount = await anonymous.CountAsync(cancellationToken);
        var anonymousRevenue = await anonymous.SumAsync(p => (double)p.Amount, cancellationToken);
        return (knownBuyers + anonymousCount, Money(knownRevenue + anonymousRevenue));
    }

    private async Task<List<SourceLine>> SourcesAsync(int campaignId, CancellationToken cancellationToken)
    {
        var visits = await db.Set<ClickTally>().Where(t => t.CampaignId == campaignId).GroupBy(t => new { t.Source, t.Kind })
            .Select(g => new { Source = g.Key.Source == "" ? null : g.Key.Source, g.Key.Kind, Unique = g.Sum(t => t.UniqueClicks) })
            .ToListAsync(cancellationToken);
        var purchases = await figures.Credited(campaignId).GroupBy(p => p.Source)
            .Select(g => new { Source = g.Key, Count = g.Count(), Revenue = g.Sum(p => (double)p.Amount) })
            .ToListAsync(cancellationToken);
        int Unique(string? source, VisitKind kind) => visits.Where(v => v.Source == source && v.Kind == kind).Sum(v => v.Unique);
        return visits.Select(c => c.Source).Concat(purchases.Select(p => p.Source)).Distinct()
            .Select(source => new SourceLine(
                source ?? "none",
                Unique(source, VisitKind.PageView),
                Unique(source, VisitKind.Click),
                purchases.FirstOrDefault(p => p.Source == source)?.Count ?? 0,
                Money(purchases.FirstOrDefault(p => p.Source == source)?.Revenue ?? 0)))
            .OrderByDescending(s => s.Purchases).ThenByDescending(s => s.UniqueClicks).ThenByDescending(s => s.UniqueViews).ThenBy(s => s.Source, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<List<(DateOnly, int)>> PerDayAsync(int campaignId, CancellationToken cancellationToken)
    {
        var days = await figures.Credited(campaignId).GroupBy(p => p.OccurredAt.Date)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .OrderBy(x => x.Day)
            .ToListAsync(cancellationToken);
        return days.Select(d => (DateOnly.FromDateTime(d.Day), d.Count)).ToList();
    }

    private static decimal Money(double sum) => ReportMoney.FromSum(sum);
}
