using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Security;

/// <summary>
/// Bad input of each class through the conversation core: a clear answer in the chat, nothing stored, and the bot
/// still answering. One chat for all of them (glow-serum in SGD, the influencer JANE20 with order 1001 of 80.00).
/// </summary>
public sealed class ChatInputTests(ChatInputTests.Chat fixture) : IClassFixture<ChatInputTests.Chat>
{
    [Theory]
    [InlineData("/confirm 2001 JANE20 79228162514264337593543950335", "isn't an amount I can record")]
    [InlineData("/confirm 2002 JANE20 100000000.01", "isn't an amount I can record")]
    [InlineData("/confirm 2003 JANE20 80.001", "isn't an amount I can record")]
    [InlineData("/confirm 2004 JANE20 1e5", "isn't an amount I can record")]
    [InlineData("/confirm 2005 JANE20 -80", "isn't an amount I can record")]
    [InlineData("/confirm 2006\u0007 JANE20 80", "can't be used: 1 to 100 printable characters")]
    [InlineData("/confirm 1001 JANE20 99.00", "Order 1001 was already recorded differently, so nothing changed: Recorded as 80.00; this report says 99.00.")]
    [InlineData("/confirm 1001 JANE20 80 USD", "Recorded in SGD; this report says USD.")]
    [InlineData("/refund 2007\u0007", "/refund")]
    [InlineData("/campaign set glow-serum landing https://user:pw@shop.example.sg/", "isn't")]
    [InlineData("/campaign set glow-serum starts 0001-01-01", "isn't a valid starts")]
    [InlineData("/campaign set glow-serum ends 9999-12-31 23:59", "isn't a valid ends")]
    public async Task Bad_money_and_order_input_in_chat_is_answered_and_changes_nothing(string line, string answer)
    {
        var before = await fixture.CountsAsync();

        var said = await fixture.Script.SendAsync("admin", line);

        Assert.Contains(answer, said.Text, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountsAsync());
        Assert.Contains("Your code", (await fixture.Script.SendAsync("bob", "/code")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_amount_from_before_the_bounds_does_not_break_reports()
    {
        // SQLite kept such amounts; PostgreSQL's numeric column refuses them when they are written.
        await using var chat = await ChatScript.StartOnAsync(ChatScript.Sqlite, new Dictionary<string, string?> { ["Bot:DefaultCurrency"] = "SGD" });
        await chat.SendAsync("jane", "/start", "Jane");
        await chat.SendAsync("admin", "/influencer glow-serum test:jane JANE20");
        await chat.SendAsync("admin", "/confirm 1001 JANE20 80");
        await chat.SendAsync("admin", "/confirm 1002 JANE20 90");
        // What a discount of 7.9e28 left behind before amounts were bounded: two ledger lines whose sum no decimal holds.
        await chat.DbAsync(async db =>
        {
            foreach (var entry in await db.Set<LedgerEntry>().AsNoTracking().ToListAsync())
                db.Add(new LedgerEntry
                {
                    Key = $"legacy:{entry.Id}", CampaignId = entry.CampaignId, MemberId = entry.MemberId, PurchaseId = entry.PurchaseId,
                    Kind = LedgerKind.Discount, Amount = 79_000_000_000_000_000_000_000_000_000m, Currency = entry.Currency, CreatedAt = entry.CreatedAt,
                });
            return await db.SaveChangesAsync();
        });

        var report = await chat.SendAsync("admin", "/report");
        var export = await chat.SendAsync("admin", "/export");
        var stats = await chat.SendAsync("jane", "/stats");

        Assert.Contains("Glow Serum", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("went wrong", report.Text + export.Text + stats.Text, StringComparison.Ordinal);
        Assert.Equal(3, export.Replies.OfType<DocumentReply>().Count());
    }

    public sealed class Chat : IAsyncLifetime
    {
        public ChatScript Script { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Script = await ChatScript.StartAsync(new Dictionary<string, string?> { ["Bot:DefaultCurrency"] = "SGD" });
            await Script.SendAsync("jane", "/start", "Jane");
            await Script.SendAsync("admin", "/influencer glow-serum test:jane JANE20");
            await Script.SendAsync("bob", "/start");
            Assert.Contains("recorded and credited", (await Script.SendAsync("admin", "/confirm 1001 JANE20 80")).Text, StringComparison.Ordinal);
        }

        public Task<(int Purchases, int Refunds, int Entries, string Landing, DateTime? Starts, DateTime? Ends)> CountsAsync() => Script.DbAsync(async db => (
            await db.Set<Purchase>().CountAsync(),
            await db.Set<Refund>().CountAsync(),
            await db.Set<LedgerEntry>().CountAsync(),
            await db.Campaigns.Select(c => c.LandingUrl).SingleAsync(),
            await db.Campaigns.Select(c => c.StartsAt).SingleAsync(),
            await db.Campaigns.Select(c => c.EndsAt).SingleAsync()));

        public async Task DisposeAsync() => await Script.DisposeAsync();
    }
}
