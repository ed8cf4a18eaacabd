using Microsoft.Extensions.Options;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Bot;

public sealed class BotOptionsTests
{
    [Theory]
    [InlineData("Bot:PublicBaseUrl", "ftp://ref.example.sg", "Bot:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Bot:DefaultLandingUrl", "shop.example.sg", "Bot:DefaultLandingUrl must be an absolute http(s) URL")]
    [InlineData("Bot:DefaultCampaign", "Spring Sale!", "Bot:DefaultCampaign must be a slug")]
    [InlineData("Bot:Admins:0", "123456789", "Bot:Admins entries are 'channel:userId'")]
    [InlineData("Bot:DefaultCurrency", "dollars", "Bot:DefaultCurrency must be an ISO 4217 code")]
    public async Task A_bad_setting_stops_start_up_naming_the_key(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => ChatScript.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(expected, error.Message);
    }
}
