using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Sqlite;

/// <summary>Creates the file if needed, applies the migrations and switches the file to WAL mode.</summary>
internal sealed partial class SqliteDatabaseInitializer(IServiceScopeFactory scopes, ILogger<SqliteDatabaseInitializer> logger)
    : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers (stats, redirects) go on while a writer commits; the mode is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        LogReady(logger, Path.GetFullPath(file), pending.Count);
    }

    [LoggerMessage(LogLevel.Information, "SQLite database {File} ready ({Applied} migrations applied)")]
    private static partial void LogReady(ILogger logger, string file, int applied);
}
