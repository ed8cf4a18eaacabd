using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Tests.Support;
using ReferralBot.Persistence.Postgres;
using ReferralBot.Persistence.Sqlite;
using ReferralBot.Testing;

namespace ReferralBot.Core.Tests.Storage;

public sealed class PayoutsMigrationTests
{
    // A database in use before payouts: its ledger's rewards get the default 30-day hold from their purchase, its
    // campaigns the default hold, and the ledger stays append-only through SQLite's rebuild of the table.
    [Theory]
    [InlineData(ChatScript.Sqlite)]
    [InlineData(ChatScript.Postgres)]
    public async Task Rewards_from_before_holds_wait_the_default_hold_and_the_ledger_stays_append_only(string store)
    {
        using var folder = TestDatabase.Create(empty: true);
        var services = new ServiceCollection().AddLogging();
        if (store == ChatScript.Postgres) services.AddPostgresStore(await PostgresServer.CreateEmptyDatabaseAsync());
        else services.AddSqliteStore($"Data Source={Path.Combine(folder.Folder, "old.db")};Pooling=False");
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("OutboxRequests");
        var bought = new DateTime(2026, 11, 2, 10, 30, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Campaigns" ("Slug", "Name", "LandingUrl", "Currency", "State", "CreatedAt", "CommissionPercent", "AttributionWindowDays", "TimeZone", "IsDefault")
            VALUES ('glow-serum', 'Glow Serum', 'https://shop.example.sg/serum', 'SGD', 0, {bought}, {10m}, 30, 'UTC', {false})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Purchases" ("OrderId", "Amount", "Currency", "OccurredAt", "ReceivedAt", "ReportedBy") VALUES ('1001', {100m}, 'SGD', {bought}, {bought}, 'webhook')
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "LedgerEntries" ("Key", "CampaignId", "PurchaseId", "Kind", "Amount", "Currency", "CreatedAt")
            VALUES ('order:1001:Commission', 1, 1, 'Commission', {10m}, 'SGD', {bought})
            """);

        await migrator.MigrateAsync();

        var entry = await db.Set<LedgerEntry>().AsNoTracking().SingleAsync();
        Assert.Equal(bought.AddDays(30), entry.PayableAt);
        Assert.Equal(30, await db.Campaigns.Select(c => c.HoldDays).SingleAsync());
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerEntries" SET "Amount" = 0"""));
        Assert.Contains("LedgerEntries is append-only", refused.Message, StringComparison.Ordinal);
    }
}
