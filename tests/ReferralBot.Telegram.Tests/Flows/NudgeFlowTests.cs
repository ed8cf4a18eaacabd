using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralBot.FakeTelegram;
using ReferralBot.Host.Purchases;
using ReferralBot.Telegram.Tests.Support;

namespace ReferralBot.Telegram.Tests.Flows;

public sealed partial class NudgeFlowTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_shops_purchase_reaches_the_referrer_at_once_and_the_buyer_as_a_thank_you_with_a_share_button()
    {
        await using var telegram = await FakeBotApi.StartAsync(new FakeBotApiOptions { EnforceLimits = true });
        using var factory = await new TelegramBotFactory(telegram, overrides: new Dictionary<string, string?>
        {
            ["Webhooks:PurchaseSecret"] = "shop-secret",
            ["Nudges:ThankYouDelay"] = "00:00:01",
            ["Nudges:DispatchInterval"] = "00:00:00.200",
            ["Nudges:QuietHours"] = "", // the test runs at any hour
            ["Bot:DefaultCurrency"] = "SGD",
            ["Outbox:PollInterval"] = "00:00:00.200",
        }).ConnectedAsync();
        telegram.SendText(1001, "/start", firstName: "Alice");
        var alice = YourCode().Match((await telegram.WaitForSendsToAsync(1001, 2, Wait))[0].Parameters["text"]).Groups[1].Value;
        telegram.SendText(1002, $"/start {alice}", firstName: "Bob");
        await telegram.WaitForSendsToAsync(1002, 2, Wait);
        var reference = await factory.DbAsync(db => db.Members.Where(m => m.Person.ExternalId == "1002").Select(m => m.Reference).SingleAsync());

        var response = await PostSignedAsync(factory, new { orderId = "A-1", amount = 45.00m, currency = "SGD", occurredAt = DateTimeOffset.UtcNow, reference });
        var toAlice = await telegram.WaitForSendsToAsync(1001, 4, Wait); // code, QR, Bob joined, Bob bought
        var toBob = await telegram.WaitForSendsToAsync(1002, 3, Wait); // welcome, QR, thank-you

        response.EnsureSuccessStatusCode();
        Assert.Equal("🛍 Your referral just bought. That's 1 purchase.", toAlice[3].Parameters["text"]);
        var thanks = toBob[2];
        Assert.StartsWith("Thank you for your order, Bob! 💛", thanks.Parameters["text"]);
        Assert.Contains("https://t.me/share/url", thanks.Parameters["reply_markup"]);
        Assert.Equal(0, telegram.LimitViolations);
    }

    private static async Task<HttpResponseMessage> PostSignedAsync(TelegramBotFactory factory, object body)
    {
        var json = JsonSerializer.Serialize(body);
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/purchases") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, stamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, "sha256=" + WebhookSignature.Sign("shop-secret", stamp, Encoding.UTF8.GetBytes(json)));
        return await factory.CreateClient().SendAsync(request);
    }

    [System.Text.RegularExpressions.GeneratedRegex("Your code: <b>([A-Z0-9]+)</b>")]
    private static partial System.Text.RegularExpressions.Regex YourCode();
}
