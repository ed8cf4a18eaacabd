namespace ReferralBot.Core.Review.Rules;

/// <summary>How likely an outcome is by chance alone.</summary>
public static class Chance
{
    /// <summary>
    /// The chance of <paramref name="successes"/> or more in <paramref name="trials"/> independent tries that each succeed
    /// with <paramref name="rate"/>: the binomial distribution's upper tail, summed in logs so large counts do not underflow.
    /// </summary>
    public static double AtLeast(int successes, int trials, double rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (successes == 0 || rate >= 1) return 1;
        if (rate <= 0) return 0;

        // log P(X = i), stepping from P(X = 0) = (1 - rate)^trials by the ratio of neighbouring terms.
        var logTerm = trials * Math.Log(1 - rate);
        var logOdds = Math.Log(rate) - Math.Log(1 - rate);
        var tail = 0.0;
        for (var i = 1; i <= trials; i++)
        {
            logTerm += Math.Log(trials - i + 1) - Math.Log(i) + logOdds;
            if (i >= successes) tail += Math.Exp(logTerm);
        }

        return Math.Min(1, tail);
    }
}
