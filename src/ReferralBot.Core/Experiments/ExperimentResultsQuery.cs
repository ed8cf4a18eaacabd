using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Experiments;

/// <summary>
/// An experiment's results: for each variant, what its sharers' codes brought from the moment each sharer met it
/// (so what came before the experiment, or before their exposure, is nobody's) until it stopped, and the day-by-day
/// series of its measure. After a stop, a friend who signed up under a variant still counts for it when they buy (they
/// keep its terms); nothing else that comes later does.
/// </summary>
public sealed class ExperimentResultsQuery(ReferralBotDbContext db)
{
    private static readonly LedgerKind[] Costs = [LedgerKind.Commission, LedgerKind.FlatFee, LedgerKind.ReferrerReward, LedgerKind.Discount];

    public async Task<ExperimentResults> ForAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        var until = experiment.StoppedAt ?? DateTime.MaxValue;
        var exposures = await db.Set<ExperimentExposure>().AsNoTracking().Where(x => x.ExperimentId == experiment.Id)
            .Select(x => new { x.VariantId, x.PersonId, x.ExposedAt }).ToListAsync(cancellationToken);
        var exposed = db.Set<ExperimentExposure>().Where(x => x.ExperimentId == experiment.Id)
            .Join(db.Members.Where(m => m.CampaignId == experiment.CampaignId), x => x.PersonId, m => m.PersonId,
                (x, m) => new { x.VariantId, x.ExposedAt, x.PersonId, MemberId = m.Id });

        var visits = await exposed.Join(db.Clicks, e => e.MemberId, c => c.MemberId, (e, c) => new { e.VariantId, e.ExposedAt, c.Kind, c.Visitor, c.OccurredAt })
            .Where(r => r.OccurredAt >= r.ExposedAt && r.OccurredAt <= until)
            .GroupBy(r => new { r.VariantId, r.Kind, r.OccurredAt.Date })
            .Select(g => new { g.Key.VariantId, g.Key.Kind, g.Key.Date, Unique = g.Select(r => r.Visitor).Distinct().Count() })
            .ToListAsync(cancellationToken);

        var purchases = db.Set<Purchase>().Where(p => p.NotCreditedReason == null);
        var signUps = await exposed.Join(db.Claims, e => e.MemberId, c => c.ReferrerMemberId, (e, c) => new { e.VariantId, e.ExposedAt, e.PersonId, c.ClaimedAt, c.ReferredMemberId, c.ReferrerMemberId })
            .Where(r => r.ClaimedAt >= r.ExposedAt && r.ClaimedAt <= until)
            .Select(r => new
            {
                r.VariantId, r.PersonId, r.ClaimedAt,
                Bought = purchases.Any(p => p.BuyerMemberId == r.ReferredMemberId && p.ReferrerMemberId == r.ReferrerMemberId),
            })
            .ToListAsync(cancellationToken);

        var sales = (await exposed.Join(purchases, e => (int?)e.MemberId, p => p.ReferrerMemberId, (e, p) => new { e.VariantId, e.ExposedAt, p.Id, p.Amount, p.OccurredAt, p.BuyerMemberId })
                .Where(r => r.OccurredAt >= r.ExposedAt)
                .Select(r => new
                {
                    r.VariantId, r.Id, r.Amount, r.OccurredAt,
                    ClaimedAt = db.Claims.Where(c => c.ReferredMemberId == r.BuyerMemberId).Select(c => (DateTime?)c.ClaimedAt).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken))
            .Where(r => r.OccurredAt <= until || r.ClaimedAt <= until)
            .ToList();
        var saleIds = sales.Select(s => s.Id).ToList();
        var costs = (await db.Set<LedgerEntry>().AsNoTracking().Where(l => l.PurchaseId != null && saleIds.Contains(l.PurchaseId.Value) && Costs.Contains(l.Kind))
                .Select(l => new { l.PurchaseId, l.Amount }).ToListAsync(cancellationToken))
            .GroupBy(l => l.PurchaseId!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));

        var variants = experiment.Variants.OrderBy(v => v.Position).ToList();
        var results = variants.Select(v =>
        {
            var mine = sales.Where(s => s.VariantId == v.Id).ToList();
            var claims = signUps.Where(s => s.VariantId == v.Id).ToList();
            return new VariantResult(
                v,
                exposures.Count(x => x.VariantId == v.Id),
                visits.Where(c => c.VariantId == v.Id && c.Kind == VisitKind.PageView).Sum(c => c.Unique),
                visits.Where(c => c.VariantId == v.Id && c.Kind == VisitKind.Click).Sum(c => c.Unique),
                claims.Count,
                claims.Count(c => c.Bought),
                mine.Count,
                mine.Sum(s => s.Amount),
                mine.Sum(s => costs.GetValueOrDefault(s.Id)),
                claims.Select(c => c.PersonId).Distinct().Count());
        }).ToList();

        // The measure day by day, cumulative: sign-ups by the day they signed up (bought or not, as of now), clicks and
        // sign-ups by their day, sharers by the day they met the variant.
        var measure = ExperimentMeasures.For(experiment.Setting);
        var days = variants.Select(v => (v.Label, (IReadOnlyList<VariantDay>)Cumulate(measure switch
        {
            ExperimentMeasure.PurchasesPerSignUp => signUps.Where(s => s.VariantId == v.Id).Select(s => (Day(s.ClaimedAt), 1, s.Bought ? 1 : 0)),
            ExperimentMeasure.SignUpsPerClick => visits.Where(c => c.VariantId == v.Id && c.Kind == VisitKind.Click).Select(c => (Day(c.Date), c.Unique, 0))
                .Concat(signUps.Where(s => s.VariantId == v.Id).Select(s => (Day(s.ClaimedAt), 0, 1))),
            _ => exposures.Where(x => x.VariantId == v.Id)
                .Select(x => (Day(x.ExposedAt), 1, signUps.Any(s => s.VariantId == v.Id && s.PersonId == x.PersonId) ? 1 : 0)),
        }))).ToList();

        return new ExperimentResults(measure, results, days);
    }

    private static DateOnly Day(DateTime at) => DateOnly.FromDateTime(at);

    private static List<VariantDay> Cumulate(IEnumerable<(DateOnly Day, int Trials, int Successes)> events)
    {
        var (trials, successes) = (0, 0);
        return events.GroupBy(e => e.Day).OrderBy(g => g.Key)
            .Select(g => new VariantDay(g.Key, trials += g.Sum(e => e.Trials), successes += g.Sum(e => e.Successes)))
            .ToList();
    }
}

/// <summary>An experiment's results: per variant, and its measure's cumulative series for the chart.</summary>
public sealed record ExperimentResults(
    ExperimentMeasure Measure, IReadOnlyList<VariantResult> Variants, IReadOnlyList<(string Label, IReadOnlyList<VariantDay> Days)> Days)
{
    public IReadOnlyList<VariantCount> Counts => Variants.Select(v => ExperimentMeasures.Count(Measure, v.Variant.Label, v)).ToList();
}
