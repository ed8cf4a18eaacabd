namespace ReferralBot.Core.Experiments;

/// <summary>Reads an experiment's counts on its deciding measure into a <see cref="ExperimentVerdict"/>.</summary>
public static class ExperimentVerdicts
{
    /// <summary>How likely best the leader must be to be called the winner.</summary>
    public const double Sure = 0.95;

    /// <summary>Below this many trials a variant is too new to say anything about.</summary>
    public const int MinimumTrials = 30;

    public static ExperimentVerdict Judge(IReadOnlyList<VariantCount> variants, int seed = 1)
    {
        if (variants.Count < 2) throw new ArgumentException("An experiment compares two variants or more.", nameof(variants));
        var best = ExperimentStatistics.ProbabilityBest(variants, seed: seed);
        var order = Enumerable.Range(0, variants.Count).OrderByDescending(i => best[i]).ThenBy(i => i).ToArray();
        var (leader, runnerUp) = (variants[order[0]], variants[order[1]]);
        var tooEarly = variants.Any(v => v.Trials < MinimumTrials);
        var pValue = ExperimentStatistics.PValue(runnerUp, leader);
        var decided = !tooEarly && best[order[0]] >= Sure && pValue < ExperimentStatistics.Alpha;

        int? more = null;
        if (!decided && leader.Rate is { } lead && runnerUp.Rate is { } runner
            && ExperimentStatistics.TrialsPerVariant(runner, lead) is { } perVariant)
            more = Math.Max(0, perVariant * variants.Count - variants.Sum(v => v.Trials));
        return new ExperimentVerdict(leader.Label, best[order[0]], runnerUp.Label, pValue, decided, more, tooEarly);
    }
}
