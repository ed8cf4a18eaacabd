using System.Text.Json.Nodes;
using ReferralBot.Core.Rewards;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Purchases;

public sealed class RefundAndTierTests
{
    [Fact]
    public async Task A_refund_adds_reversing_entries_and_keeps_the_originals()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20", "50");
        await host.SayAsync("owner", "/campaign set glow-serum discount 20%");
        await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, "JANE20"));

        var response = await host.PostRefundAsync("1001");
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("refunded", (string?)answer["status"]);
        var ledger = await host.LedgerAsync();
        Assert.Equal(6, ledger.Count);
        Assert.Equal([8.00m, 50.00m, 20.00m, -8.00m, -50.00m, -20.00m], ledger.Select(e => e.Amount));
        Assert.Equal(ledger.Take(3).Select(e => (long?)e.Id), ledger.Skip(3).Select(e => e.ReversesEntryId));
        Assert.Equal(0m, ledger.Sum(e => e.Amount));
        Assert.Equal(6, answer["rewards"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_flat_fee_is_earned_again_by_the_next_purchase_after_its_purchase_was_refunded()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20", "50");
        await host.PurchaseAsync(ShopHost.Purchase("1001", 10m, host.Now, "JANE20"));
        var second = await host.PurchaseAsync(ShopHost.Purchase("1002", 10m, host.Now, "JANE20"));
        await host.PostRefundAsync("1001");

        var third = await host.PurchaseAsync(ShopHost.Purchase("1003", 10m, host.Now, "JANE20"));

        Assert.DoesNotContain(second["rewards"]!.AsArray(), r => (string?)r!["kind"] == "flat-fee");
        Assert.Contains(third["rewards"]!.AsArray(), r => (string?)r!["kind"] == "flat-fee");
        var fees = (await host.LedgerAsync()).Where(e => e.Kind == LedgerKind.FlatFee).Sum(e => e.Amount);
        Assert.Equal(50m, fees);
    }

    [Fact]
    public async Task Crossing_a_tier_records_a_tier_up_and_later_purchases_earn_its_rate()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        await host.SayAsync("owner", "/tier glow-serum Silver 2 15");

        var first = await host.PurchaseAsync(ShopHost.Purchase("1001", 100m, host.Now, "JANE20"));
        var second = await host.PurchaseAsync(ShopHost.Purchase("1002", 100m, host.Now, "JANE20"));
        var third = await host.PurchaseAsync(ShopHost.Purchase("1003", 100m, host.Now, "JANE20"));

        Assert.Null(first["tierUp"]);
        Assert.Equal("Silver", (string?)second["tierUp"]);
        Assert.Null(third["tierUp"]);
        Assert.Equal([10.00m, 10.00m, 15.00m], new[] { first, second, third }.Select(a => (decimal)a["rewards"]![0]!["amount"]!));
        Assert.Equal("Silver", (string?)third["rewards"]![0]!["tier"]);
    }

    [Fact]
    public async Task Refunded_purchases_do_not_count_for_tiers_and_a_tier_is_congratulated_once()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        await host.SayAsync("owner", "/tier glow-serum Silver 2 15");
        await host.PurchaseAsync(ShopHost.Purchase("1001", 100m, host.Now, "JANE20"));
        var crossing = await host.PurchaseAsync(ShopHost.Purchase("1002", 100m, host.Now, "JANE20"));
        await host.PostRefundAsync("1001");

        var back = await host.PurchaseAsync(ShopHost.Purchase("1003", 100m, host.Now, "JANE20"));
        var fourth = await host.PurchaseAsync(ShopHost.Purchase("1004", 100m, host.Now, "JANE20"));

        Assert.Equal("Silver", (string?)crossing["tierUp"]);
        Assert.Equal(10.00m, (decimal)back["rewards"]![0]!["amount"]!); // one standing purchase before it: Bronze
        Assert.Null(back["tierUp"]); // Silver again, but it was already congratulated
        Assert.Equal(15.00m, (decimal)fourth["rewards"]![0]!["amount"]!);
    }

    [Fact]
    public async Task The_campaign_base_commission_applies_when_it_is_above_the_tier_rate()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        await host.SayAsync("owner", "/campaign set glow-serum commission 12.5");

        var answer = await host.PurchaseAsync(ShopHost.Purchase("1001", 99.99m, host.Now, "JANE20"));

        Assert.Equal(12.50m, (decimal)answer["rewards"]![0]!["ratePercent"]!);
        Assert.Equal(12.50m, (decimal)answer["rewards"]![0]!["amount"]!); // 12.49875 rounds half away from zero
    }
}
