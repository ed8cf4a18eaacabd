using System.Globalization;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Reports;

namespace ReferralBot.Core.Experiments;

/// <summary>
/// An experiment's results as the prompts word them: a row per variant, and the verdict on its measure (which variant
/// leads, how likely it is best, the p-value of the difference, what difference the sample so far could detect, and how
/// many more trials would settle it).
/// </summary>
public static class ExperimentReading
{
    /// <summary>A variant's value shown in a sentence where it is short enough, else its label.</summary>
    private const int MaxShownValue = 30;

    /// <param name="measureText">The measure in words (the <c>experiment-measure</c> prompt).</param>
    public static object Model(Experiment experiment, ExperimentResults results, string measureText, string currency, int seed = 1)
    {
        string Money(decimal? amount) => amount is { } a ? MoneyText.Format(a, currency) : "–";
        var counts = results.Counts;
        var verdict = counts.Count >= 2 && counts.Sum(c => c.Trials) > 0 ? ExperimentVerdicts.Judge(counts, seed) : null;
        string Name(string label) => experiment.Variants.Single(v => v.Label == label) is { Value: { Length: > 0 and <= MaxShownValue } value } ? value : label;
        var perVariant = counts.Count == 0 ? 0 : counts.Min(c => c.Trials);
        var baseline = counts.FirstOrDefault()?.Rate;
        return new
        {
            Measure = measureText,
            Unit = results.Measure.ToString(),
            experiment.Name,
            Running = experiment.State == ExperimentState.Running,
            Rows = results.Variants.Zip(counts, (r, c) => new
            {
                r.Variant.Label,
                r.Exposed,
                Views = r.PageViews > 0 ? ReportFormat.Count(r.PageViews) : null,
                Clicks = ReportFormat.Count(r.Clicks),
                SignUps = ReportFormat.Count(r.SignUps),
                Purchases = ReportFormat.Count(r.Purchases),
                Rate = Percent(c.Rate),
                Trials = c.Trials,
                Revenue = Money(r.Revenue),
                PerExposed = Money(r.RevenuePerExposed),
                Cpa = Money(r.CostPerAcquisition),
            }).ToList(),
            Verdict = verdict is null ? null : new
            {
                Leader = Name(verdict.Leader),
                LeaderLabel = verdict.Leader,
                RunnerUp = verdict.RunnerUp is { } runner ? Name(runner) : null,
                Probability = Percent(verdict.ProbabilityBest),
                Pairs = counts.Count == 2,
                Variants = counts.Count,
                PValue = verdict.PValue is { } p ? p.ToString(p < 0.001 ? "0.0e0" : "0.###", CultureInfo.InvariantCulture) : null,
                verdict.Decided,
                verdict.TooEarly,
                verdict.MoreTrialsNeeded,
                Minimum = ExperimentVerdicts.MinimumTrials,
                Detectable = baseline is { } b && perVariant > 0 ? Points(ExperimentStatistics.MinimumDetectableEffect(b, perVariant)) : null,
            },
        };
    }

    private static string? Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : null;

    // An absolute difference of rates, in percentage points (the prompt says "points").
    private static string? Points(double effect) =>
        double.IsFinite(effect) ? (effect * 100).ToString("0.#", CultureInfo.InvariantCulture) : null;
}
