using ReferralBot.Core.Members;

namespace ReferralBot.Core.Tests.Members;

public sealed class CodeLengthHintsTests
{
    [Fact]
    public void A_stem_starts_at_two_digits_and_moves_past_lengths_found_full_never_back()
    {
        var hints = new CodeLengthHints();

        var fresh = hints.FirstLength("AISHA");
        hints.Full("AISHA", 2);
        var afterTwo = hints.FirstLength("AISHA");
        hints.Full("AISHA", 3);
        hints.Full("AISHA", 2); // a slower caller that started before the hint
        var afterThree = hints.FirstLength("AISHA");

        Assert.Equal((2, 3, 4), (fresh, afterTwo, afterThree));
        Assert.Equal(2, hints.FirstLength("BEN"));
    }

    [Fact]
    public async Task Codes_for_a_popular_name_skip_the_lengths_already_full()
    {
        var hints = new CodeLengthHints();
        var asked = new List<int>();
        // Every two-digit AISHA code is taken; longer ones are free.
        Task<List<string>> Taken(List<string> candidates)
        {
            asked.Add(candidates[0].Length - "AISHA".Length);
            return Task.FromResult(candidates.Where(c => c.Length == "AISHA".Length + 2).ToList());
        }

        var first = await CustomerCodeGenerator.GenerateAsync("Aisha", hints, Taken);
        var second = await CustomerCodeGenerator.GenerateAsync("Aisha", hints, Taken);

        Assert.Matches("^AISHA[2-9]{3}$", first);
        Assert.Matches("^AISHA[2-9]{3}$", second);
        Assert.Equal([2, 3, 3], asked);
    }
}
