using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Sqlite;

/// <summary>Switches the migrated file to WAL mode and says where it is.</summary>
internal sealed partial class SqliteDatabaseInitializer(IServiceScopeFactory scopes, ILogger<SqliteDatabaseInitializer> logger)
    : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        // WAL lets readers (stats, redirects) go on while a writer commits; the mode is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        LogReady(logger, Path.GetFullPath(file));
    }

    [LoggerMessage(LogLevel.Information, "SQLite database {File} ready")]
    private static partial void LogReady(ILogger logger, string file);
}
