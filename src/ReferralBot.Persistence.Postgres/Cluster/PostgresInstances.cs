using Npgsql;
using ReferralBot.Core.Cluster;

namespace ReferralBot.Persistence.Postgres.Cluster;

/// <summary>
/// Instances known by PostgreSQL's session advisory locks: each running instance holds the lock named by its id on a
/// connection of its own, and PostgreSQL lets go of it the moment that session ends (a stop, a crash, a kill -9: the
/// server sees the socket close). An instance whose lock can be taken is gone.
/// </summary>
internal sealed class PostgresInstances(NpgsqlDataSource dataSource, ThisInstance self) : IInstances, IAsyncDisposable
{
    private const string Hold = "SELECT pg_advisory_lock(hashtextextended(@key, 0))";
    // Taken and let go again at once: the lock is a transaction's, released at its end.
    private const string Release = "SELECT pg_advisory_unlock(hashtextextended(@key, 0))";
    private const string Probe = "SELECT pg_try_advisory_xact_lock(hashtextextended(@key, 0))";
    private readonly SemaphoreSlim joining = new(1, 1);
    private NpgsqlConnection? held;

    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        await joining.WaitAsync(cancellationToken);
        try
        {
            if (held is { State: System.Data.ConnectionState.Open }) return;
            if (held is not null) await held.DisposeAsync();
            held = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var hold = new NpgsqlCommand(Hold, held);
            hold.Parameters.AddWithValue("key", Key(self.Id));
            await hold.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            joining.Release();
        }
    }

    public async Task<IReadOnlyList<string>> GoneAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var gone = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var id in ids.Where(id => id != self.Id))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var probe = new NpgsqlCommand(Probe, connection, transaction);
            probe.Parameters.AddWithValue("key", Key(id));
            if (await probe.ExecuteScalarAsync(cancellationToken) is true) gone.Add(id);
            await transaction.CommitAsync(cancellationToken);
        }

        return gone;
    }

    public async ValueTask DisposeAsync()
    {
        // Let go at once (a closed connection's session ends a moment later, on the server's time), then dropped
        // from the pool, not returned to it: a pooled session would keep the lock until its next use.
        if (held is not null)
        {
            try
            {
                await using var release = new NpgsqlCommand(Release, held);
                release.Parameters.AddWithValue("key", Key(self.Id));
                await release.ExecuteNonQueryAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The session is already gone, and the lock with it.
            }

            NpgsqlConnection.ClearPool(held);
            await held.DisposeAsync();
        }

        joining.Dispose();
    }

    private static string Key(string instanceId) => "referralbot:instance:" + instanceId;
}
