using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ReferralBot.Persistence.Sqlite;

/// <summary>
/// Per-connection settings. In WAL mode <c>synchronous=NORMAL</c> is durable against a crash of the process
/// (only a power cut can lose the last commits) and saves an fsync per commit. <c>busy_timeout</c> lets SQLite wait
/// for a writer in short steps itself; otherwise Microsoft.Data.Sqlite sleeps 150 ms on every SQLITE_BUSY.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
