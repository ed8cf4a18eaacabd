using Microsoft.Extensions.Options;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Tests.Languages;

public sealed class LanguageSetTests
{
    private static readonly LanguageSet Shipped = Languages(new PromptOptions { Path = Path.Combine(AppContext.BaseDirectory, "prompts") });

    private static LanguageSet Languages(PromptOptions options) => new(new PromptCatalog(Options.Create(options)), Options.Create(options));

    [Theory]
    [InlineData("zh-Hans", "zh-Hans")]
    [InlineData("zh-hans", "zh-Hans")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-Hans-SG", "zh-Hans")]
    [InlineData("zh_TW", "zh-Hans")]
    [InlineData("zh", "zh-Hans")]
    [InlineData("ms-MY", "ms")]
    [InlineData("MS", "ms")]
    [InlineData("ta-IN", "ta")]
    [InlineData("en-US", "en")]
    [InlineData("fr", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_client_tag_matches_the_language_the_bot_speaks_or_none(string? tag, string? language) =>
        Assert.Equal(language, Shipped.Match(tag));

    [Fact]
    public void Every_language_is_formatted_in_its_Singapore_culture_and_the_fallback_comes_first()
    {
        Assert.Equal(["en", "ms", "ta", "zh-Hans"], Shipped.All);
        string[] tags = ["en", "ms", "ta", "zh-CN", "fr"];
        Assert.Equal(["en-SG", "ms-SG", "ta-SG", "zh-Hans-SG", "en-SG"], tags.Select(t => Shipped.Culture(t).Name));
    }

    [Fact]
    public void Another_region_formats_each_language_as_it_is_written_there_or_as_the_language_is_when_it_has_no_culture_there()
    {
        var malaysia = Languages(new PromptOptions { Path = Path.Combine(AppContext.BaseDirectory, "prompts"), Region = "MY" });

        Assert.Equal(["en-MY", "ms-MY", "ta-MY", "zh-Hans"], malaysia.All.Select(l => malaysia.Culture(l).Name));
    }
}
