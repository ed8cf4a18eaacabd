using MathNet.Numerics.Distributions;

namespace ReferralBot.Core.Experiments;

/// <summary>
/// How sure the numbers let anyone be about which variant converts best: the Bayesian view (each variant's rate a
/// Beta posterior from a uniform prior, the chance each is best found by drawing from them all) and the classical
/// one (a two-proportion z-test against the control, and the sample it would take to be sure of a difference).
/// </summary>
public static class ExperimentStatistics
{
    public const double Alpha = 0.05;
    public const double Power = 0.8;

    /// <summary>
    /// The chance that each variant has the highest true rate, from <paramref name="draws"/> joint draws of the
    /// posteriors Beta(1 + successes, 1 + failures). A fixed <paramref name="seed"/> gives the same answer every time.
    /// </summary>
    public static double[] ProbabilityBest(IReadOnlyList<VariantCount> variants, int draws = 20_000, int seed = 1)
    {
        var random = new Random(seed);
        var posteriors = variants.Select(v => new Beta(1 + v.Successes, 1 + v.Trials - v.Successes, random)).ToArray();
        var wins = new int[variants.Count];
        var sample = new double[variants.Count];
        for (var draw = 0; draw < draws; draw++)
        {
            for (var i = 0; i < posteriors.Length; i++) sample[i] = posteriors[i].Sample();
            wins[Array.IndexOf(sample, sample.Max())]++;
        }

        return wins.Select(w => (double)w / draws).ToArray();
    }

    /// <summary>
    /// The two-sided p-value of the difference between two rates (pooled two-proportion z-test); null while either
    /// has no trials or the pooled rate is 0 or 1 (no variance to test against).
    /// </summary>
    public static double? PValue(VariantCount control, VariantCount variant)
    {
        if (control.Trials == 0 || variant.Trials == 0) return null;
        var pooled = (double)(control.Successes + variant.Successes) / (control.Trials + variant.Trials);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / control.Trials + 1.0 / variant.Trials));
        if (standardError == 0) return null;
        var z = (variant.Rate!.Value - control.Rate!.Value) / standardError;
        return 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
    }

    /// <summary>
    /// The trials each variant needs for a difference between rates <paramref name="p1"/> and <paramref name="p2"/> to
    /// be found at <see cref="Alpha"/> (two-sided) with <see cref="Power"/>; null when the rates are equal.
    /// </summary>
    public static int? TrialsPerVariant(double p1, double p2)
    {
        if (p1 == p2) return null;
        var pooled = (p1 + p2) / 2;
        var needed = Math.Pow(
            ZAlpha * Math.Sqrt(2 * pooled * (1 - pooled)) + ZPower * Math.Sqrt(p1 * (1 - p1) + p2 * (1 - p2)), 2) / Math.Pow(p1 - p2, 2);
        return (int)Math.Ceiling(needed);
    }

    /// <summary>
    /// The smallest difference from <paramref name="baseline"/> that <paramref name="trialsPerVariant"/> trials each
    /// would find at <see cref="Alpha"/> with <see cref="Power"/> (the normal approximation around the baseline).
    /// </summary>
    public static double MinimumDetectableEffect(double baseline, int trialsPerVariant) =>
        trialsPerVariant == 0 ? double.PositiveInfinity
            : (ZAlpha + ZPower) * Math.Sqrt(2 * baseline * (1 - baseline) / trialsPerVariant);

    private static double ZAlpha => Normal.InvCDF(0, 1, 1 - Alpha / 2);

    private static double ZPower => Normal.InvCDF(0, 1, Power);
}
