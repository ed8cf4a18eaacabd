using System.Text.Json.Nodes;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Purchases;

public sealed class AttributionTests
{
    [Fact]
    public async Task The_code_used_at_checkout_credits_its_owner_when_the_buyer_is_unknown()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");

        var answer = await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, "jane20"));

        Assert.Equal("credited", (string?)answer["status"]);
        Assert.Equal("glow-serum", (string?)answer["campaign"]);
        Assert.Equal("JANE20", (string?)answer["referrerCode"]);
        Assert.Null(answer["reason"]);
        var commission = Assert.Single(answer["rewards"]!.AsArray());
        Assert.Equal("commission", (string?)commission!["kind"]);
        Assert.Equal(8.00m, (decimal)commission["amount"]!);
        Assert.Equal("JANE20", (string?)commission["code"]);
        Assert.Equal("Bronze", (string?)commission["tier"]);
        Assert.Contains("\"amount\":80.00,", answer.ToJsonString());
        Assert.Contains("\"amount\":8.00,", answer.ToJsonString());
    }

    [Fact]
    public async Task The_buyers_reference_credits_the_person_who_referred_them_even_with_another_code_at_checkout()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        await host.InfluencerAsync("kim", "KIM10");
        await host.SayAsync("bob", "/start JANE20");
        var reference = await host.ReferenceOfAsync("bob");

        var answer = await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, code: "KIM10", reference: reference));

        Assert.Equal("credited", (string?)answer["status"]);
        Assert.Equal("JANE20", (string?)answer["referrerCode"]);
    }

    [Fact]
    public async Task The_shop_may_name_the_buyer_by_their_chat_identity_instead()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        await host.SayAsync("bob", "/start JANE20");

        var answer = await host.PurchaseAsync(new
        {
            orderId = "1001", amount = 50m, currency = "SGD", occurredAt = host.Now, customer = new { channel = "test", userId = "bob" },
        });

        Assert.Equal("credited", (string?)answer["status"]);
        Assert.Equal("JANE20", (string?)answer["referrerCode"]);
    }

    [Fact]
    public async Task A_purchase_after_the_attribution_window_is_recorded_but_not_credited()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        await host.SayAsync("bob", "/start JANE20");
        var reference = await host.ReferenceOfAsync("bob");

        host.Clock.Advance(TimeSpan.FromDays(29));
        var inside = await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, reference: reference));
        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var outside = await host.PurchaseAsync(ShopHost.Purchase("1002", 80m, host.Now, reference: reference));

        Assert.Equal("credited", (string?)inside["status"]);
        Assert.Equal("recorded", (string?)outside["status"]);
        Assert.Equal("outside-window", (string?)outside["reason"]);
        Assert.Null(outside["referrerCode"]);
        Assert.Empty(outside["rewards"]!.AsArray());
        Assert.Equal(2, (await host.CountsAsync()).Purchases);
    }

    [Fact]
    public async Task The_window_follows_the_campaign_setting()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        await host.SayAsync("owner", "/campaign set glow-serum window 7");
        await host.SayAsync("bob", "/start JANE20");
        var reference = await host.ReferenceOfAsync("bob");

        host.Clock.Advance(TimeSpan.FromDays(8));
        var answer = await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, reference: reference));

        Assert.Equal("outside-window", (string?)answer["reason"]);
    }

    [Fact]
    public async Task A_purchase_made_before_the_claim_is_not_credited()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.SayAsync("bob", "/start JANE20");
        var reference = await host.ReferenceOfAsync("bob");

        var answer = await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now.AddHours(-2), reference: reference));

        Assert.Equal("before-claim", (string?)answer["reason"]);
    }

    [Fact]
    public async Task A_buyer_using_their_own_code_earns_nothing_for_it()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        var reference = await host.ReferenceOfAsync("jane");

        var answer = await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, code: "JANE20", reference: reference));

        Assert.Equal("recorded", (string?)answer["status"]);
        Assert.Equal("own-code", (string?)answer["reason"]);
        Assert.Empty(answer["rewards"]!.AsArray());
        Assert.Equal(0, (await host.CountsAsync()).Entries);
    }

    [Theory]
    [InlineData("NOPE99", "unknown-code")]
    [InlineData(null, "no-referrer")]
    public async Task A_purchase_nobody_referred_is_recorded_with_why(string? code, string reason)
    {
        using var host = new ShopHost();

        var answer = await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, code: code, reference: "zzzzzzzzzz"));

        Assert.Equal("recorded", (string?)answer["status"]);
        Assert.Equal(reason, (string?)answer["reason"]);
        Assert.Null(answer["campaign"]);
    }

    [Fact]
    public async Task A_customer_referrer_earns_the_campaigns_referrer_reward()
    {
        using var host = new ShopHost();
        await host.SayAsync("owner", "/campaign set glow-serum referrer-reward 5");
        await host.SayAsync("alex", "/start");
        var code = await host.Factory.CodeOfAsync("alex");
        await host.SayAsync("bob", $"/start {code}");

        var answer = await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, reference: await host.ReferenceOfAsync("bob")));

        var reward = Assert.Single(answer["rewards"]!.AsArray());
        Assert.Equal("referrer-reward", (string?)reward!["kind"]);
        Assert.Equal(5.00m, (decimal)reward["amount"]!);
        Assert.Equal(code, (string?)reward["code"]);
    }

    [Fact]
    public async Task A_customer_referrer_earns_nothing_when_the_campaign_has_no_referrer_reward()
    {
        using var host = new ShopHost();
        await host.SayAsync("alex", "/start");
        var code = await host.Factory.CodeOfAsync("alex");

        var answer = await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, code));

        Assert.Equal("credited", (string?)answer["status"]);
        Assert.Empty(answer["rewards"]!.AsArray());
    }

    [Fact]
    public async Task The_follower_discount_is_the_shops_figure_or_worked_out_from_a_percentage_on_the_first_order()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        await host.SayAsync("owner", "/campaign set glow-serum discount 20%");
        await host.SayAsync("bob", "/start JANE20");
        var reference = await host.ReferenceOfAsync("bob");

        var first = await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, reference: reference));
        var second = await host.PurchaseAsync(ShopHost.Purchase("1002", 80m, host.Now, reference: reference));
        var told = await host.PurchaseAsync(new { orderId = "1003", amount = 45.50m, currency = "SGD", occurredAt = host.Now, code = "JANE20", discount = 4.55m });

        Assert.Equal(20.00m, Amount(first, "discount")); // 80 paid at 20% off: 100 before, 20 off
        Assert.Null(Amount(second, "discount"));
        Assert.Equal(4.55m, Amount(told, "discount"));
    }

    [Fact]
    public async Task The_loop_closes_the_shop_link_from_the_chat_lands_with_rb_ref_and_the_shop_passes_it_back()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        var claim = await host.SayAsync("bob", "/start JANE20");
        var shopLink = System.Text.RegularExpressions.Regex.Match(claim, @"https://ref\.example\.sg/r/JANE20\?b=[a-z2-9]{10}").Value;
        using var browser = host.Factory.CreateBrowser();

        var landing = (await browser.GetAsync(new Uri(shopLink).PathAndQuery)).Headers.Location!.OriginalString;
        var reference = System.Web.HttpUtility.ParseQueryString(new Uri(landing).Query)["rb_ref"];
        var answer = await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, reference: reference));

        Assert.StartsWith("https://shop.example.sg/serum?lang=en&", landing);
        Assert.Equal(await host.ReferenceOfAsync("bob"), reference);
        Assert.Equal("credited", (string?)answer["status"]);
        Assert.Equal("JANE20", (string?)answer["referrerCode"]);
    }

    private static decimal? Amount(JsonObject answer, string kind) =>
        answer["rewards"]!.AsArray().Where(r => (string?)r!["kind"] == kind).Select(r => (decimal?)r!["amount"]).SingleOrDefault();
}
