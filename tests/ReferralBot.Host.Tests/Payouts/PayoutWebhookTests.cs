using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Storage;
using ReferralBot.Host.Payouts;
using ReferralBot.Host.Purchases;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Payouts;

public sealed class PayoutWebhookTests
{
    private static readonly string[] LineFields = ["reference", "code", "method", "account", "currency"];

    [Fact]
    public async Task Payout_events_are_posted_signed_retried_after_a_failure_and_in_order()
    {
        await using var shop = await WebhookReceiver.StartAsync();
        var attempts = new AttemptSaved();
        using var host = new ShopHost(new Dictionary<string, string?> { ["Payouts:WebhookUrl"] = shop.Url },
            services => services.ConfigureDbContext<ReferralBotDbContext>(o => o.AddInterceptors(attempts)));
        await host.InfluencerAsync("jane", "JANE20");
        await host.PurchaseAsync(ShopHost.Purchase("1001", 455m, host.Now, code: "JANE20"));
        host.Clock.Advance(TimeSpan.FromDays(31));
        await host.SayAsync("jane", "/payto paynow +65 9123 4567");
        shop.Answers.Enqueue(500);

        await host.SayAsync("owner", "/payouts run");
        var refused = await shop.NextAsync();
        await attempts.FailedOnce.Task.WaitAsync(TimeSpan.FromSeconds(10));
        host.Clock.Advance(PayoutWebhookSender.Backoff(1));
        host.Factory.Services.GetRequiredService<PayoutWebhookSignal>().Notify();
        var created = await shop.NextAsync();
        await host.SayAsync("owner", "/payouts paid 1");
        var paid = await shop.NextAsync();

        Assert.Equal(refused.Body, created.Body);
        Assert.Equal("payout.created", created.Event);
        Assert.Equal("sha256=" + WebhookSignature.Sign(ShopHost.Secret, created.Timestamp!, Encoding.UTF8.GetBytes(created.Body)), created.Signature);
        var body = JsonNode.Parse(created.Body)!;
        Assert.Equal("payout.created:1", (string?)body["id"]);
        Assert.Equal(1, (int?)body["data"]!["batch"]);
        Assert.Equal("glow-serum", (string?)body["data"]!["campaign"]);
        var line = body["data"]!["lines"]![0]!;
        Assert.Equal(["RB-2026-12-0001", "JANE20", "paynow-mobile", "+6591234567", "SGD"],
            LineFields.Select(k => line[k]!.ToString()));
        Assert.Equal(45.50m, line["amount"]!.GetValue<decimal>());
        Assert.Equal("payout.paid", paid.Event);
        Assert.Equal("paid", (string?)JsonNode.Parse(paid.Body)!["data"]!["state"]);
        Assert.Contains("PayNow …4567", paid.Body.Replace("\\u2026", "…", StringComparison.Ordinal));
        Assert.DoesNotContain("91234567", paid.Body);
    }

    [Theory]
    [InlineData("https://shop.example.sg/hooks", "", "Webhooks:PurchaseSecret")]
    [InlineData("http://shop.example.sg/hooks", ShopHost.Secret, "Payouts:WebhookUrl must be an absolute https URL")]
    [InlineData("hooks", ShopHost.Secret, "Payouts:WebhookUrl must be an absolute https URL")]
    public void A_webhook_url_without_a_secret_to_sign_with_or_without_tls_stops_the_start(string url, string secret, string named)
    {
        using var factory = new ReferralBotFactory(new Dictionary<string, string?> { ["Payouts:WebhookUrl"] = url, ["Webhooks:PurchaseSecret"] = secret });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Signals when the sender has stored an event's first failed attempt (and so its next try's time).</summary>
    private sealed class AttemptSaved : SaveChangesInterceptor
    {
        public TaskCompletionSource FailedOnce { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<PayoutWebhook>().Any(w => w.Entity.Attempts == 1 && w.Entity.DeliveredAt is null)) FailedOnce.TrySetResult();
            return ValueTask.FromResult(result);
        }
    }
}
