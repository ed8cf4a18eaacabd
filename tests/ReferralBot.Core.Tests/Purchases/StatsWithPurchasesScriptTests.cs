using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Purchases;

public sealed class StatsWithPurchasesScriptTests
{
    [Fact]
    public async Task An_influencers_stats_show_purchases_conversion_revenue_earnings_and_the_next_tier()
    {
        await using var chat = await ChatScript.StartAsync(new Dictionary<string, string?> { ["Bot:DefaultCurrency"] = "SGD" });
        await chat.SendAsync("jane", "/start", "Jane");
        await chat.SendAsync("admin", "/influencer glow-serum test:jane JANE20 50");
        await chat.SendAsync("admin", "/tier glow-serum Silver 5 15");
        for (var i = 0; i < 8; i++) await chat.ClickAsync("JANE20");
        await chat.SendAsync("bob", "/start JANE20");
        await chat.SendAsync("admin", "/confirm 1001 JANE20 100");
        await chat.SendAsync("admin", "/confirm 1002 JANE20 59.90");
        await chat.SendAsync("admin", "/confirm 1003 JANE20 40");
        await chat.SendAsync("admin", "/refund 1003");

        var said = await chat.SendAsync("jane", "/stats");

        Assert.Contains("🛍 2 purchases (25% of clicks), 159.90 SGD in sales", said.Text);
        Assert.Contains("💰 Earned 65.99 SGD", said.Text); // 10.00 + 5.99 commission + 50 flat fee; the refund's 4.00 reversed
        Assert.Contains("🏅 Bronze: 3 more purchases to Silver", said.Text);
    }

    [Fact]
    public async Task A_customer_who_earns_referrer_rewards_sees_them_without_a_tier()
    {
        await using var chat = await ChatScript.StartAsync(new Dictionary<string, string?> { ["Bot:DefaultCurrency"] = "SGD" });
        await chat.SendAsync("admin", "/campaign set glow-serum referrer-reward 5");
        var alex = (await chat.SendAsync("alex", "/start")).Code;
        await chat.SendAsync("bob", $"/start {alex}");
        await chat.SendAsync("admin", $"/confirm 1001 {alex} 30");

        var said = await chat.SendAsync("alex", "/stats");

        Assert.Contains("🛍 1 purchase, 30.00 SGD in sales", said.Text);
        Assert.Contains("💰 Earned 5.00 SGD", said.Text);
        Assert.DoesNotContain("🏅", said.Text);
    }

    [Fact]
    public async Task At_the_top_tier_there_is_no_next_one()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("jane", "/start", "Jane");
        await chat.SendAsync("admin", "/influencer glow-serum test:jane JANE20");
        await chat.SendAsync("admin", "/tier glow-serum remove Gold");
        await chat.SendAsync("admin", "/tier glow-serum Silver 1 15");
        await chat.SendAsync("admin", "/confirm 1001 JANE20 10");

        var said = await chat.SendAsync("jane", "/stats");

        Assert.Contains("🏅 Silver, the top tier", said.Text);
        Assert.Contains("💰 Earned 1.00 USD", said.Text);
    }
}
