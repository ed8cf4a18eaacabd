using ReferralBot.Core.Members;

namespace ReferralBot.Core.Tests.Members;

public sealed class CodeFormatTests
{
    [Theory]
    [InlineData("jane20", "JANE20")]
    [InlineData(" #Jane20 ", "JANE20")]
    [InlineData("ABCD", "ABCD")]
    [InlineData("ABCDEFGHIJ0123456789", "ABCDEFGHIJ0123456789")]
    public void What_people_type_is_normalized(string input, string expected)
    {
        Assert.True(CodeFormat.TryNormalize(input, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("ABCDEFGHIJ0123456789X")]
    [InlineData("JANE-20")]
    [InlineData("JANE 20")]
    [InlineData("ЖАНА20")]
    [InlineData(null)]
    public void Anything_else_is_not_a_code(string? input) => Assert.False(CodeFormat.TryNormalize(input, out _));
}
