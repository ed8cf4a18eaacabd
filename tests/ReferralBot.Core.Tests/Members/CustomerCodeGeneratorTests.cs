using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Members;

public sealed class CustomerCodeGeneratorTests
{
    [Theory]
    [InlineData("Zoë Lim", "^ZOE[2-9]{2}$")]
    [InlineData("  jane  ", "^JANE[2-9]{2}$")]
    [InlineData("Maximiliano Rodriguez", "^MAXIMILI[2-9]{2}$")]
    [InlineData("Al", "^AL[2-9]{2}$")]
    [InlineData("O'Brien", "^BRIEN[2-9]{2}$")]
    public async Task Codes_are_the_first_name_in_plain_capitals_and_two_digits_from_2_to_9(string name, string pattern)
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("someone", "/start", name);

        Assert.Matches(pattern, said.Code);
    }

    [Theory]
    [InlineData("李明")]
    [InlineData("🙂")]
    [InlineData("A")]
    [InlineData("42")]
    public async Task A_name_without_usable_letters_still_gets_a_word_code(string name)
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("someone", "/start", name);

        Assert.Matches("^(SUNNY|MANGO|LOTUS|PEARL|COMET|MAPLE|CORAL|RIVER|HONEY|TIGER|PANDA|BERRY)[2-9]{2}$", said.Code);
    }

    [Fact]
    public async Task Many_people_with_one_name_all_get_distinct_codes()
    {
        await using var chat = await ChatScript.StartAsync();

        var codes = new List<string>();
        for (var i = 0; i < 80; i++) codes.Add((await chat.SendAsync($"alex{i}", "/start", "Alex")).Code);

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^ALEX[2-9]{2,}$", c));
        Assert.Contains(codes, c => c.Length > 6); // 64 two-digit forms cannot hold 80 people
    }
}
