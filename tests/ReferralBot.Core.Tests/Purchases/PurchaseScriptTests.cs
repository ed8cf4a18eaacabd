using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Purchases;

public sealed class PurchaseScriptTests
{
    private static readonly Dictionary<string, string?> Sgd = new() { ["Bot:DefaultCurrency"] = "SGD" };

    private static async Task<ChatScript> WithJaneAsync(string? fee = null, string store = ChatScript.Sqlite)
    {
        var chat = await ChatScript.StartOnAsync(store, Sgd);
        await chat.SendAsync("jane", "/start", "Jane");
        var said = await chat.SendAsync("admin", $"/influencer glow-serum test:jane JANE20 {fee}".TrimEnd());
        Assert.Contains("JANE20", said.Text);
        return chat;
    }

    [Fact]
    public async Task An_admin_confirms_a_purchase_and_sees_who_was_credited_with_what()
    {
        await using var chat = await WithJaneAsync("50");

        var said = await chat.SendAsync("admin", "/confirm 1001 jane20 89.90");

        Assert.Equal(
            "✅ Order 1001 (89.90 SGD) recorded and credited to Jane (JANE20).\n" +
            "• commission 8.99 SGD for JANE20 (Bronze 10%)\n" +
            "• flat fee 50.00 SGD for JANE20",
            said.Text);
        var purchase = await chat.DbAsync(db => db.Set<Purchase>().SingleAsync());
        Assert.Equal("test:admin", purchase.ReportedBy);
        Assert.Equal(chat.Time.GetUtcNow().UtcDateTime, purchase.OccurredAt);
    }

    [Fact]
    public async Task Confirming_the_same_order_again_changes_nothing_and_says_so()
    {
        await using var chat = await WithJaneAsync();
        await chat.SendAsync("admin", "/confirm 1001 JANE20 89.90");
        chat.Time.Advance(TimeSpan.FromHours(2));

        var said = await chat.SendAsync("admin", "/confirm 1001 JANE20 89.90");

        Assert.StartsWith("Order 1001 (89.90 SGD) was already recorded 2 hours ago by test:admin, so nothing changed. It is credited to Jane (JANE20).", said.Text);
        Assert.Equal(1, await chat.CountAsync<Purchase>());
        Assert.Equal(1, await chat.CountAsync<LedgerEntry>());
    }

    [Theory]
    [InlineData("/confirm", "Record a purchase made with a code")]
    [InlineData("/confirm 1001 JANE20", "Record a purchase made with a code")]
    [InlineData("/confirm 1001 JANE20 10 SGD extra", "Record a purchase made with a code")]
    [InlineData("/confirm 1001 JANE2O 10", "I can't find the code JANE2O, so nothing was recorded. Did you mean JANE20?")]
    [InlineData("/confirm 1001 J! 10", "isn't a code")]
    [InlineData("/confirm 1001 JANE20 0", "“0” isn't an amount I can record")]
    [InlineData("/confirm 1001 JANE20 -5", "“-5” isn't an amount I can record")]
    [InlineData("/confirm 1001 JANE20 9.999", "“9.999” isn't an amount I can record")]
    [InlineData("/confirm 1001 JANE20 ten", "“ten” isn't an amount I can record")]
    [InlineData("/confirm 1001 JANE20 10 USD", "Nothing was recorded: The campaign glow-serum counts in SGD; this purchase is in USD.")]
    public async Task A_bad_confirm_is_answered_and_records_nothing(string command, string expected)
    {
        await using var chat = await WithJaneAsync();

        var said = await chat.SendAsync("admin", command);

        Assert.Contains(expected, said.Text);
        Assert.Equal(0, await chat.CountAsync<Purchase>());
    }

    [Fact]
    public async Task An_admin_refunds_an_order_and_its_rewards_are_reversed_once()
    {
        await using var chat = await WithJaneAsync("50");
        await chat.SendAsync("admin", "/confirm 1001 JANE20 100");

        var said = await chat.SendAsync("admin", "/refund 1001");
        chat.Time.Advance(TimeSpan.FromMinutes(5));
        var again = await chat.SendAsync("admin", "/refund 1001");

        Assert.Equal(
            "↩️ Order 1001 (100.00 SGD) refunded. Reversed:\n• commission -10.00 SGD for JANE20\n• flat fee -50.00 SGD for JANE20",
            said.Text);
        Assert.Equal("Order 1001 was already refunded 5 minutes ago, so nothing changed.", again.Text);
        Assert.Equal(1, await chat.CountAsync<Refund>());
        Assert.Equal(0m, (await chat.DbAsync(db => db.Set<LedgerEntry>().Select(e => e.Amount).ToListAsync())).Sum());
    }

    [Theory]
    [InlineData("/refund", "Refund a whole order")]
    [InlineData("/refund 1 2", "Refund a whole order")]
    [InlineData("/refund 404", "I have no purchase with order id 404")]
    public async Task A_bad_refund_is_answered_and_changes_nothing(string command, string expected)
    {
        await using var chat = await WithJaneAsync();
        await chat.SendAsync("admin", "/confirm 1001 JANE20 100");

        var said = await chat.SendAsync("admin", command);

        Assert.Contains(expected, said.Text);
        Assert.Equal(0, await chat.CountAsync<Refund>());
    }

    [Theory]
    [InlineData("/confirm 1001 JANE20 100")]
    [InlineData("/refund 1001")]
    public async Task Someone_who_is_not_an_admin_cannot_confirm_or_refund(string command)
    {
        await using var chat = await WithJaneAsync();
        await chat.SendAsync("admin", "/confirm 1000 JANE20 100");

        var said = await chat.SendAsync("jane", command);

        Assert.Contains("admin", said.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await chat.CountAsync<Purchase>());
        Assert.Equal(0, await chat.CountAsync<Refund>());
        Assert.Equal(1, await chat.CountAsync<LedgerEntry>());
    }

    [Fact]
    public async Task The_purchase_that_crosses_a_tier_says_so()
    {
        await using var chat = await WithJaneAsync();
        await chat.SendAsync("admin", "/tier glow-serum Silver 2 15");
        await chat.SendAsync("admin", "/confirm 1001 JANE20 100");

        var said = await chat.SendAsync("admin", "/confirm 1002 JANE20 100");

        Assert.EndsWith("🏆 That purchase took Jane up to Silver.", said.Text);
        var tierUp = await chat.DbAsync(db => db.Set<TierEvent>().SingleAsync());
        Assert.Equal(("Silver", 2, "1002"), (tierUp.TierName, tierUp.Purchases, tierUp.OrderId));
    }

    [Fact]
    public async Task A_campaigns_currency_cannot_change_once_it_has_purchases()
    {
        await using var chat = await WithJaneAsync();
        var before = await chat.SendAsync("admin", "/campaign set glow-serum currency IDR");
        await chat.SendAsync("admin", "/campaign set glow-serum currency SGD");
        await chat.SendAsync("admin", "/confirm 1001 JANE20 100");

        var after = await chat.SendAsync("admin", "/campaign set glow-serum currency USD");
        var same = await chat.SendAsync("admin", "/campaign set glow-serum currency sgd");

        Assert.DoesNotContain("can't change", before.Text);
        Assert.Contains("already has purchases recorded in SGD, so its currency can't change", after.Text);
        Assert.DoesNotContain("can't change", same.Text);
        Assert.Equal("SGD", await chat.DbAsync(db => db.Campaigns.Select(c => c.Currency).SingleAsync()));
    }

    [Theory]
    [InlineData("UPDATE \"LedgerEntries\" SET \"Amount\" = 0", "LedgerEntries is append-only", ChatScript.Sqlite)]
    [InlineData("DELETE FROM \"LedgerEntries\"", "LedgerEntries is append-only", ChatScript.Sqlite)]
    [InlineData("UPDATE \"Purchases\" SET \"Amount\" = 1", "Purchases is append-only", ChatScript.Sqlite)]
    [InlineData("DELETE FROM \"Refunds\"", "Refunds is append-only", ChatScript.Sqlite)]
    [InlineData("UPDATE \"LedgerEntries\" SET \"Amount\" = 0", "LedgerEntries is append-only", ChatScript.Postgres)]
    [InlineData("DELETE FROM \"LedgerEntries\"", "LedgerEntries is append-only", ChatScript.Postgres)]
    [InlineData("UPDATE \"Purchases\" SET \"Amount\" = 1", "Purchases is append-only", ChatScript.Postgres)]
    [InlineData("DELETE FROM \"Refunds\"", "Refunds is append-only", ChatScript.Postgres)]
    [InlineData("TRUNCATE \"Refunds\"", "Refunds is append-only", ChatScript.Postgres)]
    public async Task The_database_refuses_to_edit_or_delete_money_rows(string sql, string refusal, string store)
    {
        await using var chat = await WithJaneAsync("50", store);
        await chat.SendAsync("admin", "/confirm 1001 JANE20 100");
        await chat.SendAsync("admin", "/refund 1001");

        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => chat.DbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        Assert.Contains(refusal, error.Message);
        Assert.Equal(4, await chat.CountAsync<LedgerEntry>());
    }

    // The same rule before any SQL is sent, for every provider: the context refuses such a save.
    [Fact]
    public async Task The_context_refuses_to_save_a_changed_or_deleted_money_row()
    {
        await using var chat = await WithJaneAsync("50");
        await chat.SendAsync("admin", "/confirm 1001 JANE20 100");

        var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => chat.DbAsync(async db =>
        {
            var entry = await db.Set<LedgerEntry>().FirstAsync();
            db.Entry(entry).Property(e => e.Amount).CurrentValue = 0m;
            return await db.SaveChangesAsync();
        }));
        var deleted = await Assert.ThrowsAsync<InvalidOperationException>(() => chat.DbAsync(async db =>
        {
            db.Remove(await db.Set<Purchase>().FirstAsync());
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("LedgerEntries is append-only", changed.Message, StringComparison.Ordinal);
        Assert.Contains("Purchases is append-only", deleted.Message, StringComparison.Ordinal);
        Assert.Equal(100m, await chat.DbAsync(db => db.Set<Purchase>().Select(p => p.Amount).SingleAsync()));
    }
}
