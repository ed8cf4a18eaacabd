using System.Net;
using System.Text.Json.Nodes;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Purchases;

public sealed class PurchaseValidationTests
{
    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20"}""", "orderId" },
        { """{"orderId":"  ","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z"}""", "orderId" },
        { """{"orderId":"1","amount":0,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z"}""", "amount" },
        { """{"orderId":"1","amount":-5,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z"}""", "amount" },
        { """{"orderId":"1","amount":9.999,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z"}""", "amount" },
        { """{"orderId":"1","currency":"SGD","occurredAt":"2026-11-24T09:00:00Z"}""", "amount" },
        { """{"orderId":"1","amount":"eighty","currency":"SGD","occurredAt":"2026-11-24T09:00:00Z"}""", "amount" },
        { """{"orderId":"1","amount":80,"currency":"sgd","occurredAt":"2026-11-24T09:00:00Z"}""", "currency" },
        { """{"orderId":"1","amount":80,"currency":"XYZ","occurredAt":"2026-11-24T09:00:00Z"}""", "currency" },
        { """{"orderId":"1","amount":80,"currency":"SGD"}""", "occurredAt" },
        { """{"orderId":"1","amount":80,"currency":"SGD","occurredAt":"yesterday"}""", "occurredAt" },
        { """{"orderId":"1","amount":80,"currency":"SGD","occurredAt":"2026-12-24T09:00:00Z"}""", "occurredAt" },
        { """{"orderId":"1","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","discount":-1}""", "discount" },
        { """{"orderId":"1","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","customer":{"channel":"telegram"}}""", "customer" },
        { """{"orderId":"1","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20","currency":"USD"}""", "currency" },
        { """{"orderId":"1","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","source":"Insta gram!"}""", "source" },
        { """[1,2,3]""", "body" },
        { """{"orderId":"1",""", "body" },
        { """null""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_field_is_a_400_problem_naming_it_and_records_nothing(string json, string field)
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");

        var response = await host.PostSignedAsync("/api/purchases", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected '{field}' in {errors.ToJsonString()}");
        Assert.Equal(0, (await host.CountsAsync()).Purchases);
    }

    [Fact]
    public async Task A_purchase_in_another_currency_than_its_campaign_is_refused_with_the_reason()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");

        var response = await host.PostPurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, "JANE20", currency: "USD"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("The campaign glow-serum counts in SGD; this purchase is in USD.", (string?)problem["errors"]!["currency"]![0]);
        Assert.Equal((0, 0, 0, 0m), await host.CountsAsync());
    }

    [Fact]
    public async Task A_refund_needs_an_order_id_and_an_order_we_know()
    {
        using var host = new ShopHost();

        var missing = await host.PostSignedAsync("/api/refunds", """{"reason":"damaged"}""");
        var unknown = await host.PostRefundAsync("never-bought");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("orderId", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        Assert.Contains("never-bought", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(0, (await host.CountsAsync()).Refunds);
    }
}
