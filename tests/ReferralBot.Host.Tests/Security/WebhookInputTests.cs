using System.Net;
using System.Text.Json.Nodes;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Security;

/// <summary>
/// Bad purchase and refund webhooks, each class of them, through the real HTTP pipeline: a 4xx problem+json that names
/// the field (and no .NET type), nothing stored, and the service still answering. One host for all of them.
/// </summary>
public sealed class WebhookInputTests(WebhookInputTests.Host host) : IClassFixture<WebhookInputTests.Host>
{
    public static TheoryData<string, string, string> BadPurchases => new()
    {
        { """{"orderId":"b1","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20","discount":7.9e28}""", "discount", "At most the amount" },
        { """{"orderId":"b2","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20","discount":80.01}""", "discount", "At most the amount" },
        { """{"orderId":"b3","amount":80,"currency":"SGD","occurredAt":"0001-01-01T00:00:00Z","code":"JANE20"}""", "occurredAt", "Must be after 2000-01-01" },
        { """{"orderId":"b4","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00","code":"JANE20"}""", "occurredAt", "with an offset" },
        { """{"orderId":"b5","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:06:00Z","code":"JANE20"}""", "occurredAt", "Must not be in the future" },
        { """{"orderId":"b6","amount":80,"currency":"SGD","occurredAt":"2024-01-01T00:00:00Z","code":"JANE20"}""", "occurredAt", "Before the campaign glow-serum began" },
        { """{"orderId":"b7","amount":"80","currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20"}""", "amount", "A JSON number (not a string)" },
        { """{"orderId":"b8","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20","discount":"5"}""", "discount", "A JSON number (not a string)" },
        { """{"orderId":"b9","amount":80,"amount":8000,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20"}""", "amount", "Given more than once" },
        { """{"orderId":"b10","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","customer":{"channel":"telegram","userId":"1","userId":"2"}}""", "customer.userId", "Given more than once" },
        { """{"orderId":"b11","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20","customer":{"channel":"telegram","userId":123}}""", "customer.userId", "A string" },
        { """{"orderId":"b12","amount":1e9,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20"}""", "amount", "at most 100000000" },
        { """{"orderId":"b13","amount":1e400,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20"}""", "amount", "A JSON number" },
        { """{"orderId":"b14\u001b[2J","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20"}""", "orderId", "printable characters" },
        { """{"orderId":"b15","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":{"$gt":""}}""", "code", "A string" },
        { """{"orderId":"b16","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20","customer":[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]}""", "body", "Not valid JSON" },
        { """{"orderId":"b17","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20"} {}""", "body", "Not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadPurchases))]
    public async Task A_bad_purchase_is_a_400_naming_the_field_in_plain_words_and_stores_nothing(string json, string field, string problem)
    {
        var before = await host.Shop.CountsAsync();

        var response = await host.Shop.PostSignedAsync("/api/purchases", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var errors = JsonNode.Parse(body)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected '{field}' in {errors.ToJsonString()}");
        Assert.Contains(problem, (string?)errors[field]![0], StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
        Assert.Equal(before, await host.Shop.CountsAsync());
        await host.StillAnswersAsync();
    }

    [Theory]
    [InlineData("""{"orderId":"1001","occurredAt":"0001-01-01T00:00:00Z"}""", "occurredAt")]
    [InlineData("""{"orderId":"1001","occurredAt":"2026-11-24T09:00:00"}""", "occurredAt")]
    [InlineData("""{"orderId":"1001","orderId":"1002"}""", "orderId")]
    [InlineData("""{"orderId":1001}""", "orderId")]
    public async Task A_bad_refund_is_a_400_and_reverses_nothing(string json, string field)
    {
        var before = await host.Shop.CountsAsync();

        var response = await host.Shop.PostSignedAsync("/api/refunds", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().ContainsKey(field));
        Assert.Equal(before, await host.Shop.CountsAsync());
        await host.StillAnswersAsync();
    }

    /// <summary>glow-serum with the influencer JANE20 and one credited purchase (order 1001), on a fake clock at 09:00 UTC.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public ShopHost Shop { get; } = new();

        public async Task InitializeAsync()
        {
            await Shop.InfluencerAsync("jane", "JANE20");
            await Shop.PurchaseAsync(ShopHost.Purchase("1001", 80m, Shop.Now, "JANE20"));
        }

        public async Task StillAnswersAsync()
        {
            Assert.Equal(HttpStatusCode.OK, (await Shop.Client.GetAsync("/healthz")).StatusCode);
            Assert.Contains("80.00 SGD", await Shop.SayAsync("owner", "/report"));
        }

        public Task DisposeAsync()
        {
            Shop.Dispose();
            return Task.CompletedTask;
        }
    }
}
