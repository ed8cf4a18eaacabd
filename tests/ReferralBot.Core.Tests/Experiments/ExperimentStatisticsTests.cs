using ReferralBot.Core.Experiments;

namespace ReferralBot.Core.Tests.Experiments;

public sealed class ExperimentStatisticsTests
{
    private static readonly VariantCount TenPercent = new("10% off", 100, 10);
    private static readonly VariantCount TwentyPercent = new("free gift", 100, 20);

    [Fact]
    public void The_p_value_is_the_pooled_two_proportion_z_test()
    {
        // By hand: pooled rate 30/200 = 0.15; standard error √(0.15 × 0.85 × (1/100 + 1/100)) = 0.0504975;
        // z = (0.20 − 0.10) / 0.0504975 = 1.98030; two-sided p = 2 × (1 − Φ(1.98030)) = 0.047670.
        Assert.Equal(0.047670, ExperimentStatistics.PValue(TenPercent, TwentyPercent)!.Value, 5);
        Assert.Equal(0.047670, ExperimentStatistics.PValue(TwentyPercent, TenPercent)!.Value, 5);
    }

    [Fact]
    public void There_is_no_p_value_without_trials_or_without_variance()
    {
        Assert.Null(ExperimentStatistics.PValue(new VariantCount("a", 0, 0), TwentyPercent));
        Assert.Null(ExperimentStatistics.PValue(new VariantCount("a", 50, 0), new VariantCount("b", 40, 0)));
    }

    [Fact]
    public void The_chance_each_variant_is_best_matches_the_exact_posterior_probability()
    {
        var best = ExperimentStatistics.ProbabilityBest([TenPercent, TwentyPercent]);

        // Exact P(rate B > rate A) for Beta(11, 91) against Beta(21, 81), Evan Miller's closed form: 0.97517.
        // 20,000 draws: a standard error of √(0.975 × 0.025 / 20,000) = 0.0011, so within 0.005 of the exact value.
        var exact = ExactProbabilityBBeatsA(TenPercent, TwentyPercent);
        Assert.InRange(best[1], exact - 0.005, exact + 0.005);
        Assert.Equal(0.97517, ExactProbabilityBBeatsA(TenPercent, TwentyPercent), 5);
        Assert.Equal(1.0, best.Sum(), 9);
    }

    [Fact]
    public void Equal_variants_are_equally_likely_to_be_best_and_a_seed_repeats_the_answer()
    {
        VariantCount[] same = [new("a", 300, 30), new("b", 300, 30), new("c", 300, 30)];

        var best = ExperimentStatistics.ProbabilityBest(same, seed: 7);

        Assert.All(best, p => Assert.InRange(p, 0.30, 0.37));
        Assert.Equal(best, ExperimentStatistics.ProbabilityBest(same, seed: 7));
    }

    [Fact]
    public void The_trials_needed_follow_the_usual_sample_size_formula()
    {
        // By hand, α = 0.05 two-sided (z 1.959964) and power 0.8 (z 0.841621), rates 0.10 and 0.20, pooled 0.15:
        // n = (1.959964 × √(2 × 0.15 × 0.85) + 0.841621 × √(0.1 × 0.9 + 0.2 × 0.8))² / 0.1² = 198.96, so 199 each.
        Assert.Equal(199, ExperimentStatistics.TrialsPerVariant(0.10, 0.20));
        Assert.Null(ExperimentStatistics.TrialsPerVariant(0.10, 0.10));
    }

    [Fact]
    public void The_minimum_detectable_effect_shrinks_with_the_sample()
    {
        // (1.959964 + 0.841621) × √(2 × 0.1 × 0.9 / 199) = 0.084256.
        Assert.Equal(0.084256, ExperimentStatistics.MinimumDetectableEffect(0.10, 199), 5);
        Assert.True(ExperimentStatistics.MinimumDetectableEffect(0.10, 800) < ExperimentStatistics.MinimumDetectableEffect(0.10, 199));
        Assert.Equal(double.PositiveInfinity, ExperimentStatistics.MinimumDetectableEffect(0.10, 0));
    }

    // P(pB > pA) for pA ~ Beta(1 + sA, 1 + fA), pB ~ Beta(1 + sB, 1 + fB): the sum over i < αB of
    // B(αA + i, βA + βB) / ((βB + i) B(1 + i, βB) B(αA, βA)), in logs.
    private static double ExactProbabilityBBeatsA(VariantCount a, VariantCount b)
    {
        double alphaA = 1 + a.Successes, betaA = 1 + a.Trials - a.Successes, alphaB = 1 + b.Successes, betaB = 1 + b.Trials - b.Successes;
        var total = 0.0;
        for (var i = 0; i < alphaB; i++)
            total += Math.Exp(LogBeta(alphaA + i, betaA + betaB) - Math.Log(betaB + i) - LogBeta(1 + i, betaB) - LogBeta(alphaA, betaA));
        return total;
    }

    private static double LogBeta(double a, double b) =>
        MathNet.Numerics.SpecialFunctions.GammaLn(a) + MathNet.Numerics.SpecialFunctions.GammaLn(b) - MathNet.Numerics.SpecialFunctions.GammaLn(a + b);
}
