using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Purchases;

public sealed class WebhookSignatureTests
{
    private static string Body(ShopHost host) => JsonSerializer.Serialize(ShopHost.Purchase("1001", 80m, host.Now, "JANE20"));

    [Fact]
    public async Task A_correctly_signed_purchase_is_accepted()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");

        var response = await host.PostSignedAsync("/api/purchases", Body(host));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await host.CountsAsync()).Purchases);
    }

    public static TheoryData<string> Refusals => ["missing signature", "missing timestamp", "wrong secret", "tampered body", "stale", "future", "not hex", "no prefix"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_missing_or_stale_signature_is_401_problem_json_and_records_nothing(string how)
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        var body = Body(host);
        var now = host.Now.ToUnixTimeSeconds();
        var good = await SignatureAsync(host, body, now);

        var response = how switch
        {
            "missing signature" => await host.PostAsync("/api/purchases", body, Stamp(now), null),
            "missing timestamp" => await host.PostAsync("/api/purchases", body, null, good),
            "wrong secret" => await host.PostSignedAsync("/api/purchases", body, secret: "not-the-secret"),
            "tampered body" => await host.PostAsync("/api/purchases", body.Replace("80", "800", StringComparison.Ordinal), Stamp(now), good),
            "stale" => await host.PostSignedAsync("/api/purchases", body, now - 301),
            "future" => await host.PostSignedAsync("/api/purchases", body, now + 301),
            "not hex" => await host.PostAsync("/api/purchases", body, Stamp(now), "sha256=zz"),
            _ => await host.PostAsync("/api/purchases", body, Stamp(now), good["sha256=".Length..]),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(401, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        Assert.Equal(0, (await host.CountsAsync()).Purchases);
    }

    [Fact]
    public async Task A_timestamp_within_five_minutes_is_accepted()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");

        var response = await host.PostSignedAsync("/api/purchases", Body(host), host.Now.ToUnixTimeSeconds() - 299);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_secret_everything_is_refused()
    {
        using var host = new ShopHost(new Dictionary<string, string?> { ["Webhooks:PurchaseSecret"] = "" });

        var response = await host.PostSignedAsync("/api/purchases", Body(host));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Webhooks:PurchaseSecret", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Refunds_are_signed_the_same_way()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, "JANE20"));

        var unsigned = await host.PostAsync("/api/refunds", """{"orderId":"1001"}""", Stamp(host.Now.ToUnixTimeSeconds()), "sha256=00");

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(0, (await host.CountsAsync()).Refunds);
    }

    private static string Stamp(long seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    private static Task<string> SignatureAsync(ShopHost host, string body, long now) =>
        Task.FromResult("sha256=" + ReferralBot.Host.Purchases.WebhookSignature.Sign(ShopHost.Secret, Stamp(now), System.Text.Encoding.UTF8.GetBytes(body)));
}
