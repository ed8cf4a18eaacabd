using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Reports;

public sealed class ReportScriptTests
{
    /// <summary>
    /// The hand-checked campaign. Jane (JANE20, influencer, 50 flat fee), Kim (KIM10, influencer) and Alex (a
    /// customer; referrer reward 5). Discount 20% (estimated on first orders). Clicks: Jane 4 from 3 visitors
    /// (ig, ig, qr, ig again), Kim 30 visitors (ig), Alex 1 (tg): 35 clicks, 34 unique. Bob and Mei claim JANE20,
    /// Ned claims Alex's code. Orders: 1 Bob 100 ig; 2 Bob 60 ig; 3 anonymous JANE20 40 qr; 4 Mei 80 (refunded);
    /// 5 Ned 30 tg; 6 Bob 60 after the 30-day window (not credited); 7 anonymous JANE20 20 (refunded).
    /// </summary>
    internal static async Task<(ChatScript Chat, string Alex)> CampaignAsync()
    {
        var chat = await ChatScript.StartAsync(new Dictionary<string, string?> { ["Bot:DefaultCurrency"] = "SGD" });
        await chat.SendAsync("jane", "/start", "Jane");
        await chat.SendAsync("kim", "/start", "Kim");
        var alex = (await chat.SendAsync("alex", "/start", "Alex")).Code;
        await chat.SendAsync("admin", "/influencer glow-serum test:jane JANE20 50");
        await chat.SendAsync("admin", "/influencer glow-serum test:kim KIM10");
        await chat.SendAsync("admin", "/campaign set glow-serum referrer-reward 5");
        await chat.SendAsync("admin", "/campaign set glow-serum discount 20%");

        foreach (var (code, source, visitor) in new[] { ("JANE20", "ig", "v1"), ("JANE20", "ig", "v2"), ("JANE20", "qr", "v3"), ("JANE20", "ig", "v1"), (alex, "tg", "v9") })
            await VisitAsync(chat, code, source, visitor);
        for (var i = 0; i < 30; i++) await VisitAsync(chat, "KIM10", "ig", $"k{i}");
        await chat.Services.GetRequiredService<ClickWriter>().FlushAsync(CancellationToken.None);

        await chat.SendAsync("bob", "/start JANE20", "Bob");
        await chat.SendAsync("mei", "/start JANE20", "Mei");
        await chat.SendAsync("ned", $"/start {alex}", "Ned");

        await BuyAsync(chat, "1", 100m, buyer: "bob", source: "ig");
        await BuyAsync(chat, "2", 60m, buyer: "bob", source: "ig");
        await BuyAsync(chat, "3", 40m, code: "JANE20", source: "qr");
        await BuyAsync(chat, "4", 80m, buyer: "mei");
        await BuyAsync(chat, "5", 30m, buyer: "ned", source: "tg");
        await BuyAsync(chat, "7", 20m, code: "JANE20");
        await chat.SendAsync("admin", "/refund 4");
        await chat.SendAsync("admin", "/refund 7");
        chat.Time.Advance(TimeSpan.FromDays(31));
        await BuyAsync(chat, "6", 60m, buyer: "bob");
        return (chat, alex);
    }

    [Fact]
    public async Task Every_figure_of_the_report_is_exact()
    {
        var (chat, alex) = await CampaignAsync();
        await using var _ = chat;

        var said = await chat.SendAsync("admin", "/report glow-serum");

        Assert.Equal(
            "📊 Glow Serum (glow-serum)\n" +
            "Funnel: 34 unique clicks (35 in all) → 3 sign-ups (8.8%) → 4 purchases (133.3% of sign-ups), 11.8% of clicks\n" +
            "Revenue: 230.00 SGD (2 refunds not counted)\n" +
            "Cost: 117.50 SGD (commissions 20.00 SGD, flat fees 50.00 SGD, referrer rewards 5.00 SGD, discounts 42.50 SGD)\n" +
            "Cost per acquisition: 39.17 SGD over 3 referred customers\n" +
            "Customer lifetime value: 96.67 SGD per referred customer\n" +
            "ROI: 95.7%\n" +
            "Rewards: 0.00 SGD pending, 75.00 SGD payable, 0.00 SGD paid (/payouts)\n\n" +
            "By source\n" +
            "• ig: 32 unique clicks → 2 purchases (6.3%), 160.00 SGD\n" +
            "• qr: 1 unique clicks → 1 purchase (100%), 40.00 SGD\n" +
            "• tg: 1 unique clicks → 1 purchase (100%), 30.00 SGD\n\n" +
            "By influencer\n" +
            "• Jane (JANE20): 3 clicks → 2 sign-ups → 3 purchases (100%), 200.00 SGD; earned 70.00 SGD\n" +
            "• Kim (KIM10): 30 clicks → 0 sign-ups → 0 purchases (0%), 0.00 SGD; earned 0.00 SGD\n\n" +
            "Top 2\n" +
            "1. Jane (JANE20): 3 purchases, 200.00 SGD\n" +
            $"2. Alex ({alex}): 1 purchase, 30.00 SGD\n\n" +
            "⚠️ Worth a look\n" +
            "• Jane (JANE20): 2 of 5 purchases refunded (40%)\n" +
            "• Kim (KIM10): 30 unique clicks but 0 purchases (0% against 11.8% for the campaign): drives clicks, not purchases\n" +
            "Glow Serum: purchases per day and the funnel",
            said.Text);
        var chart = Assert.Single(said.Replies.OfType<ImageReply>());
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], chart.Png.Take(4));
        Assert.True(chart.Png.Length > 10_000, $"a chart, not a blank: {chart.Png.Length} bytes");
    }

    [Fact]
    public async Task An_empty_campaign_reports_zeros_without_dividing_by_them_and_without_a_chart()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("admin", "/report");

        Assert.Equal(
            "📊 Glow Serum (glow-serum)\n" +
            "Funnel: 0 unique clicks (0 in all) → 0 sign-ups → 0 purchases\n" +
            "Revenue: 0.00 USD\n" +
            "Cost: 0.00 USD\n" +
            "Cost per acquisition: none yet\n" +
            "Customer lifetime value: none yet\n" +
            "ROI: nothing spent yet",
            said.Text);
        Assert.Empty(said.Replies.OfType<ImageReply>());
    }

    [Theory]
    [InlineData("/report")]
    [InlineData("/report glow-serum")]
    public async Task Someone_who_is_not_an_admin_is_refused_a_report(string command)
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("jane", command);

        Assert.Contains("for campaign admins", said.Text);
        Assert.DoesNotContain("Funnel", said.Text);
    }

    [Fact]
    public async Task In_chat_the_report_lists_ten_influencers_and_points_to_the_export_for_the_rest()
    {
        await using var chat = await ChatScript.StartAsync();
        for (var i = 1; i <= 12; i++)
        {
            await chat.SendAsync($"inf{i}", "/start", $"Creator {i}");
            await chat.SendAsync("admin", $"/influencer glow-serum test:inf{i} CREATOR{i}");
            await VisitAsync(chat, $"CREATOR{i}", "ig", $"v{i}");
        }

        await chat.Services.GetRequiredService<ClickWriter>().FlushAsync(CancellationToken.None);
        var said = await chat.SendAsync("admin", "/report glow-serum");

        var byInfluencer = said.Text[said.Text.IndexOf("By influencer", StringComparison.Ordinal)..];
        Assert.Equal(10, byInfluencer.Split('\n').Count(line => line.StartsWith("• Creator", StringComparison.Ordinal)));
        Assert.Contains("… and 2 more influencers: /export has them all", said.Text);
    }

    [Fact]
    public async Task An_unknown_campaign_is_named()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("admin", "/report nope");

        Assert.Contains("nope", said.Text);
        Assert.DoesNotContain("Funnel", said.Text);
    }

    private static async Task VisitAsync(ChatScript chat, string code, string source, string visitor)
    {
        var redirects = chat.Services.GetRequiredService<ReferralRedirects>();
        var target = await redirects.FindAsync(code, CancellationToken.None) ?? throw new InvalidOperationException(code);
        await redirects.VisitAsync(target, source, null, visitor, "Mozilla/5.0", CancellationToken.None);
    }

    private static async Task BuyAsync(ChatScript chat, string orderId, decimal amount, string? buyer = null, string? code = null, string? source = null)
    {
        var reference = buyer is null ? null : await chat.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Members.Where(m => m.Person.ExternalId == buyer).Select(m => m.Reference)));
        await using var scope = chat.Services.CreateAsyncScope();
        var report = new PurchaseReport(orderId, amount, "SGD", chat.Time.GetUtcNow().UtcDateTime, code, reference, null, null, "webhook", Source: source);
        var outcome = await scope.ServiceProvider.GetRequiredService<PurchaseIntake>().RecordAsync(report, CancellationToken.None);
        Assert.NotNull(outcome.Summary);
    }
}
