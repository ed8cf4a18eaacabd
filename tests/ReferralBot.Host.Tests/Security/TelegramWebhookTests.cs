using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ReferralBot.Host.Tests.Security;

/// <summary>
/// The Telegram webhook on the built service, started while the Bot API cannot be reached: it takes updates from its
/// first request, refuses what is not one (400), what is not from Telegram (401) and what is too large (413), and
/// /healthz says Degraded (not Unhealthy) while getMe and setWebhook keep being retried.
/// </summary>
[Collection(BuiltServiceGroup.Name)]
public sealed class TelegramWebhookTests(BuiltService service)
{
    private const string Secret = BuiltService.TelegramSecret;

    [Fact]
    public async Task With_the_Bot_API_down_at_start_the_webhook_takes_updates_and_refuses_bad_ones()
    {
        var client = service.Client;
        var health = service.FirstHealth;
        var start = await PostAsync(client, """{"update_id":1001,"message":{"message_id":1,"date":1764000000,"chat":{"id":4242,"type":"private"},"from":{"id":4242,"is_bot":false,"first_name":"Bob"},"text":"/start"}}""");
        var notAnUpdate = await PostAsync(client, "[1,2,3]");
        var empty = await PostAsync(client, "{}");
        var broken = await PostAsync(client, """{"update_id":""");
        var noSecret = await PostAsync(client, """{"update_id":1002}""", secret: null);
        var huge = await PostAsync(client, """{"update_id":1003,"message":{"text":"PAD"}}""".Replace("PAD", new string('x', 300 * 1024), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAnUpdate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.DoesNotContain("System.", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, noSecret.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(1L, Scalar(service.DatabaseFile, "SELECT count(*) FROM People WHERE Channel = 'telegram' AND ExternalId = '4242'"));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string? secret = Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        request.Headers.ExpectContinue = true; // a body refused unread (by its header or length) is then never sent
        return client.SendAsync(request);
    }

    private static long Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
