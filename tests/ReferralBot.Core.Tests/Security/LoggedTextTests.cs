using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Tests.Security;

public sealed class LoggedTextTests
{
    [Theory]
    [InlineData("/report glow", "/report glow")]
    [InlineData("line one\nFAKE: admin granted", "line one\\u000aFAKE: admin granted")]
    [InlineData("\u001b[2J\u001b[31mred", "\\u001b[2J\\u001b[31mred")]
    [InlineData("abc\u202Efed", "abc\\u202efed")]
    [InlineData("tab\there\r", "tab\\u0009here\\u000d")]
    [InlineData("", "")]
    public void Control_and_format_characters_are_written_as_escapes(string text, string logged) =>
        Assert.Equal(logged, LoggedText.Of(text));

    [Fact]
    public void Long_text_is_cut_with_an_ellipsis()
    {
        var logged = LoggedText.Of(new string('x', 5_000));

        Assert.Equal(LoggedText.MaxLength + 1, logged.Length);
        Assert.EndsWith("…", logged, StringComparison.Ordinal);
    }
}
