using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Tests.Conversation;

public sealed class CommandLineTests
{
    [Fact]
    public void A_command_with_the_bots_name_and_arguments_is_split()
    {
        var line = CommandLine.Parse("  /Claim@GlowUpBot  jane20  extra ")!;

        Assert.Equal("claim", line.Name);
        Assert.Equal("GlowUpBot", line.AddressedTo);
        Assert.Equal(["jane20", "extra"], line.Arguments);
        Assert.Equal("jane20  extra", line.ArgumentText);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("/")]
    [InlineData("/ start")]
    [InlineData("")]
    public void Anything_else_is_not_a_command(string text) => Assert.Null(CommandLine.Parse(text));
}
