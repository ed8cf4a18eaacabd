using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Cluster;
using ReferralBot.FakeTelegram;
using ReferralBot.Telegram.Tests.Support;
using ReferralBot.Testing;

namespace ReferralBot.Telegram.Tests.Flows;

/// <summary>Two instances on one PostgreSQL database: one sender for the bot, and a takeover when it stops.</summary>
public sealed class SenderRoleTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Only_the_sender_instance_registers_the_webhook_and_another_takes_over_within_seconds_of_its_stop()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        var onePostgres = new Dictionary<string, string?> { ["ConnectionStrings:ReferralBot"] = await PostgresServer.CreateDatabaseAsync() };
        var first = await new TelegramBotFactory(telegram, webhook: true, overrides: onePostgres).ConnectedAsync();
        using var second = new TelegramBotFactory(telegram, webhook: true, overrides: onePostgres);
        _ = second.Services;
        await telegram.WaitForCallsAsync("getMe", 2, Wait); // the second knows the bot's name (its links need it)

        // An update the load balancer gives the second instance is handled there and answered by the sender.
        var update = telegram.UpdateJson(telegram.SendText(1001, "/help", firstName: "Alice"));
        var accepted = await PostAsync(second, update);
        var answer = await telegram.WaitForSendsToAsync(1001, 1, Wait);

        // The role the first holds: the second cannot take it.
        var role = "telegram-sender:" + telegram.Token.Split(':')[0];
        var whileFirstSends = await second.Services.GetRequiredService<IExclusiveRoles>().TryTakeAsync(role, CancellationToken.None);

        first.Dispose();
        var stoppedAt = DateTimeOffset.UtcNow;
        var registrations = await telegram.WaitForCallsAsync("setWebhook", 2, Wait);

        Assert.Null(whileFirstSends);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("/claim CODE", answer[0].Parameters["text"]);
        Assert.True(registrations[1].At >= stoppedAt, "The second instance registered the webhook while the first was the sender.");
        Assert.True(registrations[1].At - stoppedAt < TimeSpan.FromSeconds(5), $"Taken over after {registrations[1].At - stoppedAt}.");
    }

    private static async Task<HttpResponseMessage> PostAsync(TelegramBotFactory factory, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramBotFactory.WebhookPath)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", TelegramBotFactory.WebhookSecret);
        return await factory.CreateClient().SendAsync(request);
    }
}
