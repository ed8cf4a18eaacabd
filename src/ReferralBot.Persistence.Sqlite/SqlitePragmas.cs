using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace ReferralBot.Persistence.Sqlite;

/// <summary>
/// Per-connection settings. In WAL mode <c>synchronous=NORMAL</c> is durable against a crash of the process
/// (only a power cut can lose the last commits) and saves an fsync per commit. <c>busy_timeout</c> lets SQLite wait
/// for a writer in short steps itself; otherwise Microsoft.Data.Sqlite sleeps 150 ms on every SQLITE_BUSY.
/// The settings belong to the native connection and outlive its trips through Microsoft.Data.Sqlite's pool, so they
/// are set once per native connection, not on every open (EF opens and closes around each query).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
    private readonly ConditionalWeakTable<sqlite3, object> configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || configured.TryAdd(handle, configured);
}
