using ReferralBot.Core.Review.Rules;

namespace ReferralBot.Core.Tests.Review;

public sealed class ChanceTests
{
    [Theory]
    [InlineData(0, 5, 0.3, 1.0)]
    [InlineData(1, 1, 0.5, 0.5)]
    [InlineData(2, 2, 0.5, 0.25)]
    [InlineData(2, 3, 0.5, 0.5)]
    [InlineData(3, 8, 0.03, 0.00135)] // 3 of 8 refunded where 3% is usual: about 1 in 740
    [InlineData(4, 5, 1.0 / 9, 0.000694)]
    [InlineData(1, 10, 0, 0.0)]
    [InlineData(1, 10, 1, 1.0)]
    public void The_chance_of_at_least_so_many_is_the_binomial_tail(int successes, int trials, double rate, double expected) =>
        Assert.Equal(expected, Chance.AtLeast(successes, trials, rate), 5);

    [Fact]
    public void Large_counts_do_not_underflow()
    {
        // 100,000 tries at 3%: 3,000 expected; at least the mean is about even, far above it next to nothing.
        Assert.InRange(Chance.AtLeast(3_000, 100_000, 0.03), 0.49, 0.51);
        Assert.InRange(Chance.AtLeast(3_300, 100_000, 0.03), 0, 1e-7);
    }
}
