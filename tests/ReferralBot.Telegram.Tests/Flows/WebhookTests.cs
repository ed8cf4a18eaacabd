using System.Net;
using System.Text;
using ReferralBot.Core.Inbound;
using ReferralBot.FakeTelegram;
using ReferralBot.Telegram.Tests.Support;

namespace ReferralBot.Telegram.Tests.Flows;

public sealed class WebhookTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Webhook_mode_registers_the_url_with_its_secret_and_answers_an_update()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        using var factory = await new TelegramBotFactory(telegram, webhook: true).ConnectedAsync();
        var update = telegram.UpdateJson(telegram.SendText(1001, "/help", firstName: "Alice"));

        var response = await PostAsync(factory, update, TelegramBotFactory.WebhookSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var registered = Assert.Single(telegram.CallsTo("setWebhook"));
        Assert.Equal("https://ref.example.sg/telegram/webhook", registered.Parameters["url"]);
        Assert.Equal(TelegramBotFactory.WebhookSecret, registered.Parameters["secret_token"]);
        Assert.Contains("/claim CODE", (await telegram.WaitForSendsToAsync(1001, 1, Wait))[0].Parameters["text"]);
        Assert.Empty(telegram.CallsTo("getUpdates"));
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_request_without_the_right_secret_is_refused_and_never_handled(string? secret)
    {
        await using var telegram = await FakeBotApi.StartAsync();
        using var factory = await new TelegramBotFactory(telegram, webhook: true).ConnectedAsync();
        var update = telegram.UpdateJson(telegram.SendText(1001, "/start", firstName: "Mallory"));

        var response = await PostAsync(factory, update, secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await factory.AllAsync<InboundReceipt>());
        Assert.Empty(telegram.SentTo(1001));
    }

    [Fact]
    public async Task A_webhook_update_delivered_twice_is_handled_once()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        using var factory = await new TelegramBotFactory(telegram, webhook: true).ConnectedAsync();
        var update = telegram.UpdateJson(telegram.SendText(1001, "/start", firstName: "Alice"));

        var answers = await Task.WhenAll(PostAsync(factory, update, TelegramBotFactory.WebhookSecret), PostAsync(factory, update, TelegramBotFactory.WebhookSecret));
        await PostAsync(factory, telegram.UpdateJson(telegram.SendText(1001, "/help", firstName: "Alice")), TelegramBotFactory.WebhookSecret);
        var sent = await telegram.WaitForSendsToAsync(1001, 3, Wait);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(sent, c => c.Method == "sendPhoto");
        Assert.Contains("/claim CODE", sent[2].Parameters["text"]);
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_is_a_400()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        using var factory = await new TelegramBotFactory(telegram, webhook: true).ConnectedAsync();

        var response = await PostAsync(factory, "{not json", TelegramBotFactory.WebhookSecret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private static async Task<HttpResponseMessage> PostAsync(TelegramBotFactory factory, string json, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramBotFactory.WebhookPath)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return await factory.CreateClient().SendAsync(request);
    }
}
