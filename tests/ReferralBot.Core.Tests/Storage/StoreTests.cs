using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Members;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Storage;

/// <summary>What either store must do the same: its migrations carry the whole model, and a race loser is known by its SQL state.</summary>
public sealed class StoreTests
{
    [Fact]
    public async Task PostgreSQL_migrations_apply_to_an_empty_database_and_match_the_model()
    {
        await using var chat = await ChatScript.StartOnPostgresAsync(new Dictionary<string, string?> { ["Database:MigrateOnStart"] = "true" }, empty: true);

        var pending = await chat.DbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        var modelChanged = await chat.DbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.Empty(pending);
        Assert.False(modelChanged, "The model has changes no PostgreSQL migration carries: run dotnet ef migrations add in src/ReferralBot.Persistence.Postgres.");
    }

    // Several instances share a PostgreSQL database: none of them changes its schema unless told to.
    [Fact]
    public async Task A_start_on_an_unmigrated_PostgreSQL_database_is_refused_with_what_to_run()
    {
        var refused = await Assert.ThrowsAsync<DatabaseOutOfDateException>(() => ChatScript.StartOnPostgresAsync(empty: true));

        Assert.Contains("dotnet ReferralBot.Host.dll migrate", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Database:MigrateOnStart=true", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ChatScript.Sqlite)]
    [InlineData(ChatScript.Postgres)]
    public async Task A_unique_violation_is_known_by_its_sql_state_and_other_failures_are_not(string store)
    {
        await using var chat = await ChatScript.StartOnAsync(store);
        var jane = (await chat.SendAsync("jane", "/start")).Code;

        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => chat.DbAsync(async db =>
        {
            var member = await db.Members.SingleAsync();
            db.Codes.Add(new ReferralCode { Value = jane, MemberId = member.Id, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        }));
        var missingMember = await Assert.ThrowsAsync<DbUpdateException>(() => chat.DbAsync(async db =>
        {
            db.Codes.Add(new ReferralCode { Value = "NOBODY22", MemberId = 999, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        }));

        Assert.True(UniqueViolation.Is(duplicate), duplicate.InnerException?.Message);
        Assert.False(UniqueViolation.Is(missingMember), missingMember.InnerException?.Message);
    }
}
