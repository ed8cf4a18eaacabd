using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        await using var chat = await ChatScript.StartOnNewDatabaseAsync();

        var pending = await chat.DbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        var modelChanged = await chat.DbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.Empty(pending);
        Assert.False(modelChanged, "The model has changes no migration carries: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task The_database_is_in_wal_mode()
    {
        await using var chat = await ChatScript.StartOnNewDatabaseAsync();

        var mode = await chat.DbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string)(await command.ExecuteScalarAsync())!;
        });

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task The_default_campaign_is_created_on_first_start_from_configuration()
    {
        await using var chat = await ChatScript.StartAsync();

        var campaign = await chat.DbAsync(db => db.Campaigns.SingleAsync());

        Assert.Equal("glow-serum", campaign.Slug);
        Assert.Equal("Glow Serum", campaign.Name);
        Assert.Equal("https://shop.example.sg/serum?lang=en", campaign.LandingUrl);
        Assert.Equal(CampaignState.Active, campaign.State);
    }

    [Fact]
    public async Task Codes_are_unique_whatever_their_case_even_when_written_directly()
    {
        // SQLite's own errors are what is checked; PostgreSQL's schema has the same constraints, from the same model.
        await using var chat = await ChatScript.StartOnAsync(ChatScript.Sqlite);
        var jane = (await chat.SendAsync("jane", "/start")).Code;

        var lowerCase = await Assert.ThrowsAsync<DbUpdateException>(() => chat.DbAsync(async db =>
        {
            var member = await db.Members.SingleAsync();
            db.Codes.Add(new ReferralCode { Value = jane.ToLowerInvariant(), MemberId = member.Id, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        }));
        var secondPrimary = await Assert.ThrowsAsync<DbUpdateException>(() => chat.DbAsync(async db =>
        {
            var member = await db.Members.SingleAsync();
            db.Codes.Add(new ReferralCode { Value = "OTHER22", MemberId = member.Id, IsPrimary = true, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("CHECK constraint failed", lowerCase.InnerException!.Message);
        Assert.IsType<SqliteException>(secondPrimary.InnerException);
        Assert.Contains("UNIQUE", secondPrimary.InnerException!.Message);
    }

    // Codes' only index on MemberId was the partial "one primary code" one, which a join cannot use: every lookup of
    // a member with their codes (a claim, /code, /stats) read the whole Codes table.
    [Fact]
    public async Task A_members_codes_are_found_through_an_index_not_a_scan_of_every_code()
    {
        // SQLite's query plan.
        await using var chat = await ChatScript.StartOnAsync(ChatScript.Sqlite);
        await chat.SendAsync("jane", "/start");

        var plan = await PlanAsync(chat, """
            SELECT m."Id", c."Value" FROM "Members" AS m LEFT JOIN "Codes" AS c ON m."Id" = c."MemberId"
            WHERE m."PersonId" = 1 AND m."CampaignId" = 1
            """);

        Assert.Contains(plan, step => step.StartsWith("SEARCH c USING", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN c", StringComparison.Ordinal));
    }

    // The dispatcher asks what is due at every new message. With messages waiting for a channel that is off (the
    // console's, in a Telegram-only service), the old index made each ask read every one of them.
    [Fact]
    public async Task The_dispatchers_question_reads_only_unsettled_messages_of_the_channels_it_runs()
    {
        // SQLite's query plan.
        await using var chat = await ChatScript.StartOnAsync(ChatScript.Sqlite);

        var plan = await PlanAsync(chat, """
            SELECT o."Id" FROM "Outbox" AS o
            WHERE o."SentAt" IS NULL AND o."DroppedAt" IS NULL AND o."SendingAt" IS NULL AND o."DueAt" <= '2026-11-24 09:00:00'
              AND o."Channel" IN (SELECT value FROM json_each('["telegram"]'))
            ORDER BY o."DueAt", o."Id" LIMIT 200
            """);

        Assert.Contains(plan, step => step.StartsWith("SEARCH o USING INDEX IX_Outbox_Pending (Channel=? AND DueAt<?)", StringComparison.Ordinal));
    }

    // The steps of SQLite's plan for a query (EXPLAIN QUERY PLAN's detail column).
    private static Task<List<string>> PlanAsync(ChatScript chat, string sql) => chat.DbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return steps;
    });
}
