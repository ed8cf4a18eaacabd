using ReferralBot.Core.Experiments;

namespace ReferralBot.Core.Tests.Experiments;

public sealed class ExperimentVerdictTests
{
    [Fact]
    public void A_clear_difference_names_the_winner()
    {
        var verdict = ExperimentVerdicts.Judge([new("10% off", 400, 40), new("15% off", 400, 72)]);

        Assert.Equal(("15% off", "10% off", true, false), (verdict.Leader, verdict.RunnerUp, verdict.Decided, verdict.TooEarly));
        Assert.True(verdict.ProbabilityBest > 0.99);
        Assert.True(verdict.PValue < 0.01);
    }

    [Fact]
    public void A_lead_that_is_not_sure_yet_says_how_many_more_trials_would_settle_it()
    {
        var verdict = ExperimentVerdicts.Judge([new("10% off", 100, 10), new("free gift", 100, 14)]);

        Assert.False(verdict.Decided);
        Assert.Equal("free gift", verdict.Leader);
        // By hand: 10% against 14% needs 1,035 trials each (α 0.05 two-sided, power 0.8): 2,070 in all, 200 had.
        Assert.Equal(1035, ExperimentStatistics.TrialsPerVariant(0.10, 0.14));
        Assert.Equal(1870, verdict.MoreTrialsNeeded);
    }

    [Fact]
    public void Too_few_trials_names_no_winner_however_big_the_gap()
    {
        var verdict = ExperimentVerdicts.Judge([new("a", 20, 1), new("b", 20, 15)]);

        Assert.True(verdict.TooEarly);
        Assert.False(verdict.Decided);
    }
}
