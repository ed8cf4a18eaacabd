using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;
using ReferralBot.Host.Tests.Support;
using ReferralBot.Testing;

namespace ReferralBot.Host.Tests.Purchases;

public sealed class ReplayTests
{
    [Fact]
    public async Task A_replayed_order_answers_as_the_first_time_and_changes_nothing()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20", "50");

        var first = await host.PostPurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, "JANE20"));
        var before = await host.CountsAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        var replay = await host.PostPurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now.AddMinutes(-3), "JANE20"));

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(before, await host.CountsAsync());
        Assert.Equal((1, 0, 2, 58.00m), before);
    }

    [Theory]
    [InlineData("""{"orderId":"1001","amount":999,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"JANE20"}""", "amount", "Recorded as 80.00; this report says 999.00.")]
    [InlineData("""{"orderId":"1001","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z","code":"BOB99"}""", "code", "Recorded with JANE20; this report says BOB99.")]
    [InlineData("""{"orderId":"1001","amount":80,"currency":"SGD","occurredAt":"2026-11-24T09:00:00Z"}""", "code", "Recorded with JANE20; this report says no code.")]
    public async Task A_replay_that_changes_the_order_is_a_409_naming_what_differs_and_changes_nothing(string json, string field, string difference)
    {
        var logs = new CapturedLogs();
        using var host = new ShopHost(services: s => s.AddSingleton<ILoggerProvider>(logs));
        await host.InfluencerAsync("jane", "JANE20");
        var first = await host.PostPurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, "JANE20"));

        var altered = await host.PostSignedAsync("/api/purchases", json);
        var again = await host.PostPurchaseAsync(ShopHost.Purchase("1001", 80.00m, host.Now, "jane20"));

        Assert.Equal(HttpStatusCode.Conflict, altered.StatusCode);
        Assert.Equal("application/problem+json", altered.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await altered.Content.ReadAsStringAsync())!;
        Assert.Equal(difference, (string?)problem["errors"]![field]![0]);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Order 1001 was reported again with a different", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal((1, 0, 1, 8.00m), await host.CountsAsync());
    }

    // On both stores: on PostgreSQL the twelve really run at once, each in its own transaction.
    [Theory]
    [InlineData(Stores.Sqlite)]
    [InlineData(Stores.Postgres)]
    public async Task Concurrent_deliveries_of_one_order_record_it_once_and_all_get_the_same_answer(string store)
    {
        using var host = new ShopHost(store: store);
        await host.InfluencerAsync("jane", "JANE20", "50");

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => host.PostPurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, "JANE20"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal((1, 0, 2, 58.00m), await host.CountsAsync());
    }

    [Theory]
    [InlineData(Stores.Sqlite)]
    [InlineData(Stores.Postgres)]
    public async Task Two_first_purchases_racing_for_the_flat_fee_earn_it_once(string store)
    {
        // Purchase B works out its rewards (flat fee included: nothing earned it yet), then, just before B saves,
        // purchase A is recorded in full. B's fee then collides on its unique key and B is worked out again.
        var race = new RaceBeforeSave("B", "A");
        using var host = new ShopHost(services: s => s.ConfigureDbContext<ReferralBotDbContext>(o => o.AddInterceptors(race)), store: store);
        race.Host = host;
        await host.InfluencerAsync("jane", "JANE20", "50");

        var b = await host.PurchaseAsync(ShopHost.Purchase("B", 10m, host.Now, "JANE20"));

        Assert.True(race.Ran);
        Assert.DoesNotContain(b["rewards"]!.AsArray(), r => (string?)r!["kind"] == "flat-fee");
        var ledger = await host.LedgerAsync();
        Assert.Single(ledger, e => e.Kind == LedgerKind.FlatFee);
        Assert.Equal((2, 0, 3, 52.00m), await host.CountsAsync());
    }

    [Theory]
    [InlineData(Stores.Sqlite)]
    [InlineData(Stores.Postgres)]
    public async Task A_duplicate_that_loses_the_race_on_the_order_id_answers_with_the_winners_recording(string store)
    {
        var race = new RaceBeforeSave("1001", "1001");
        using var host = new ShopHost(services: s => s.ConfigureDbContext<ReferralBotDbContext>(o => o.AddInterceptors(race)), store: store);
        race.Host = host;
        await host.InfluencerAsync("jane", "JANE20", "50");

        var loser = await host.PurchaseAsync(ShopHost.Purchase("1001", 10m, host.Now, "JANE20"));

        Assert.True(race.Ran);
        Assert.Equal("credited", (string?)loser["status"]);
        Assert.Equal(2, loser["rewards"]!.AsArray().Count);
        Assert.Equal((1, 0, 2, 51.00m), await host.CountsAsync());
    }

    private sealed class RaceBeforeSave(string racing, string winner) : SaveChangesInterceptor
    {
        public ShopHost Host { get; set; } = null!;

        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var saving = eventData.Context!.ChangeTracker.Entries<Purchase>().Any(e => e.State == EntityState.Added && e.Entity.OrderId == racing);
            if (saving && !Ran)
            {
                Ran = true;
                await Host.PurchaseAsync(ShopHost.Purchase(winner, 10m, Host.Now, "JANE20"));
            }

            return result;
        }
    }

    [Fact]
    public async Task A_replayed_refund_answers_as_the_first_time_and_reverses_nothing_again()
    {
        using var host = new ShopHost();
        await host.InfluencerAsync("jane", "JANE20");
        await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, "JANE20"));

        var first = await host.PostRefundAsync("1001");
        var replays = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.PostRefundAsync("1001")));

        var body = await first.Content.ReadAsStringAsync();
        foreach (var replay in replays) Assert.Equal(body, await replay.Content.ReadAsStringAsync());
        Assert.Equal((1, 1, 2, 0m), await host.CountsAsync());
    }
}
