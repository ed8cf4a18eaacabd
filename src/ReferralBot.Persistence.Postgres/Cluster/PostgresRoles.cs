using Npgsql;
using ReferralBot.Core.Cluster;

namespace ReferralBot.Persistence.Postgres.Cluster;

/// <summary>
/// Roles as PostgreSQL session advisory locks, each on a connection of its own: held until let go, or until the
/// holder's session ends (PostgreSQL frees the lock when the process dies). The holder checks its connection every
/// <see cref="Cadence"/>; if it is gone, so is the lock (another instance may take it), and the lease is lost.
/// </summary>
internal sealed class PostgresRoles(NpgsqlDataSource dataSource) : IExclusiveRoles
{
    public static readonly TimeSpan Cadence = TimeSpan.FromSeconds(1);
    private const string Take = "SELECT pg_try_advisory_lock(hashtextextended(@key, 0))";
    private const string Release = "SELECT pg_advisory_unlock(hashtextextended(@key, 0))";

    public bool SharedByInstances => true;

    public async Task<IRoleLease?> TryTakeAsync(string role, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var take = new NpgsqlCommand(Take, connection);
            take.Parameters.AddWithValue("key", Key(role));
            if (await take.ExecuteScalarAsync(cancellationToken) is true) return new Lease(connection, role);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private static string Key(string role) => "referralbot:role:" + role;

    private sealed class Lease : IRoleLease
    {
        private readonly NpgsqlConnection connection;
        private readonly string role;
        private readonly CancellationTokenSource lost = new();
        private readonly CancellationTokenSource stop = new();
        private readonly Task watching;

        public Lease(NpgsqlConnection connection, string role)
        {
            this.connection = connection;
            this.role = role;
            watching = WatchAsync();
        }

        public CancellationToken Lost => lost.Token;

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await watching;
            // A pooled connection keeps its session, and the lock with it, until it is reused: let go of it here.
            if (!lost.IsCancellationRequested)
            {
                try
                {
                    await using var release = new NpgsqlCommand(Release, connection);
                    release.Parameters.AddWithValue("key", Key(role));
                    await release.ExecuteScalarAsync();
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
                {
                    // The session is gone, and the lock with it.
                }
            }

            await connection.DisposeAsync();
            lost.Dispose();
            stop.Dispose();
        }

        private async Task WatchAsync()
        {
            try
            {
                while (true)
                {
                    await Task.Delay(Cadence, stop.Token);
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                await lost.CancelAsync();
            }
        }
    }
}
