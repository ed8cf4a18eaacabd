using ReferralBot.Core.Experiments;

namespace ReferralBot.Core.Tests.Experiments;

public sealed class VariantAssignmentTests
{
    [Fact]
    public void A_person_always_gets_the_same_variant_of_an_experiment()
    {
        var first = Enumerable.Range(1, 500).Select(person => VariantAssignment.Pick(3, person, [50, 50])).ToList();

        Assert.Equal(first, Enumerable.Range(1, 500).Select(person => VariantAssignment.Pick(3, person, [50, 50])));
    }

    [Theory]
    [InlineData(new[] { 50, 50 })]
    [InlineData(new[] { 1, 1, 2 })]
    [InlineData(new[] { 90, 10 })]
    public void People_spread_over_the_variants_as_the_split_says(int[] weights)
    {
        const int people = 20_000;
        var counts = new int[weights.Length];
        for (var person = 1; person <= people; person++) counts[VariantAssignment.Pick(11, person, weights)]++;

        for (var i = 0; i < weights.Length; i++)
        {
            var expected = (double)people * weights[i] / weights.Sum();
            // Within four standard deviations of a binomial count.
            var spread = 4 * Math.Sqrt(expected * (1 - (double)weights[i] / weights.Sum()));
            Assert.InRange(counts[i], expected - spread, expected + spread);
        }
    }

    [Fact]
    public void Different_experiments_split_the_same_people_differently()
    {
        var one = Enumerable.Range(1, 200).Select(person => VariantAssignment.Pick(1, person, [1, 1]));
        var two = Enumerable.Range(1, 200).Select(person => VariantAssignment.Pick(2, person, [1, 1]));

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void A_split_without_a_positive_weight_is_refused() =>
        Assert.Throws<ArgumentException>(() => VariantAssignment.Pick(1, 1, [0, 0]));
}
