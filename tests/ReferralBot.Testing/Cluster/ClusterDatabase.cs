using System.Globalization;
using Npgsql;

namespace ReferralBot.Testing.Cluster;

/// <summary>
/// The cluster scenario's questions to the shared PostgreSQL database, all its SQL in one place (test support, not the
/// service's): who holds a lock, what is left to send, and the counts the checks compare.
/// </summary>
public sealed class ClusterDatabase(string connectionString)
{
    private const string Settled = "cluster_settled";
    private const string Fans = "p.\"Channel\" = 'telegram' AND p.\"ExternalId\"::bigint >= 200000";

    /// <summary>The <c>Application Name</c> of the session holding the advisory lock <paramref name="lockName"/>, if any.</summary>
    public Task<string?> HolderAsync(string lockName) => ScalarAsync<string?>(
        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
        "WHERE l.locktype = 'advisory' AND l.granted AND l.objid = (hashtextextended(@p, 0) & 4294967295)::oid LIMIT 1", lockName);

    /// <summary>
    /// A notification on every statement that settles outbox messages or nudges, so <see cref="SettledAsync"/> looks
    /// again exactly when something changed (the service's own triggers only tell of new messages).
    /// </summary>
    public async Task WatchSettlingAsync()
    {
        await using var connection = await OpenAsync();
        await using var create = new NpgsqlCommand($"""
            CREATE FUNCTION cluster_settled() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('{Settled}', ''); RETURN NULL; END $$;
            CREATE TRIGGER cluster_outbox_settled AFTER UPDATE ON "Outbox" FOR EACH STATEMENT EXECUTE FUNCTION cluster_settled();
            CREATE TRIGGER cluster_nudges_settled AFTER UPDATE ON "Nudges" FOR EACH STATEMENT EXECUTE FUNCTION cluster_settled();
            """, connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Returns once every stored message is sent (or settled otherwise) and no nudge is due: woken by each settling.</summary>
    public async Task SettledAsync(TimeSpan timeout)
    {
        await using var connection = await OpenAsync();
        await using (var listen = new NpgsqlCommand($"LISTEN {Settled}", connection)) await listen.ExecuteNonQueryAsync();
        using var deadline = new CancellationTokenSource(timeout);
        // Listening before the first look: a settling in between is queued on the connection and wakes the wait at once.
        while (await CountAsync("""
            SELECT (SELECT count(*) FROM "Outbox" WHERE "SentAt" IS NULL AND "DroppedAt" IS NULL)
                 + (SELECT count(*) FROM "Nudges" WHERE "State" = 'Pending' AND "DueAt" <= now())
            """) > 0)
        {
            await connection.WaitAsync(deadline.Token);
        }
    }

    public Task<long> InfluencerCodesAsync() => CountAsync("SELECT count(*) FROM \"Codes\" WHERE \"Value\" ~ '^INF[0-9]{3}$'");

    public Task<long> TiersAsync() => CountAsync("SELECT count(*) FROM \"Tiers\"");

    public Task<long> FansAsync() => CountAsync($"SELECT count(*) FROM \"People\" AS p WHERE {Fans}");

    /// <summary>People who claimed without exactly one membership and one claim: their id and what they have.</summary>
    public Task<List<(string A, string B)>> OddFansAsync() => PairsAsync($"""
        SELECT p."ExternalId", count(DISTINCT m."Id") || ' memberships, ' || count(c."Id") || ' claims'
        FROM "People" AS p LEFT JOIN "Members" AS m ON m."PersonId" = p."Id" LEFT JOIN "Claims" AS c ON c."ReferredMemberId" = m."Id"
        WHERE {Fans} GROUP BY p."ExternalId" HAVING count(DISTINCT m."Id") <> 1 OR count(c."Id") <> 1
        """);

    public Task<long> ClaimsAsync() => CountAsync("SELECT count(*) FROM \"Claims\"");

    /// <summary>Codes whose member's sign-up counter differs from their claims: the code and both numbers.</summary>
    public Task<List<(string A, string B)>> MiscountedAsync() => PairsAsync("""
        SELECT c."Value", m."SignUps" || ' counted, ' || (SELECT count(*) FROM "Claims" AS k WHERE k."ReferrerMemberId" = m."Id") || ' claims'
        FROM "Members" AS m JOIN "Codes" AS c ON c."MemberId" = m."Id"
        WHERE m."SignUps" <> (SELECT count(*) FROM "Claims" AS k WHERE k."ReferrerMemberId" = m."Id")
        """);

    public Task<long> SignUpsOfAsync(string code) => CountAsync(
        "SELECT coalesce(sum(m.\"SignUps\"), 0)::bigint FROM \"Members\" AS m JOIN \"Codes\" AS c ON c.\"MemberId\" = m.\"Id\" WHERE c.\"Value\" = @p", code);

    public Task<long> PurchasesAsync() => CountAsync("SELECT count(*) FROM \"Purchases\"");

    public Task<long> RefundsAsync() => CountAsync("SELECT count(*) FROM \"Refunds\"");

    public async Task<decimal> LedgerTotalAsync() => await ScalarAsync<decimal?>("SELECT sum(\"Amount\") FROM \"LedgerEntries\"") ?? 0m;

    public Task<long> LedgerEntriesAsync() => CountAsync("SELECT count(*) FROM \"LedgerEntries\"");

    public Task<long> InterruptedAsync() => CountAsync("SELECT count(*) FROM \"Outbox\" WHERE \"DropReason\" LIKE 'interrupted%'");

    /// <summary>Messages dropped for any reason but an interruption: key and reason.</summary>
    public Task<List<(string A, string B)>> DroppedAsync() =>
        PairsAsync("SELECT \"Key\", \"DropReason\" FROM \"Outbox\" WHERE \"DroppedAt\" IS NOT NULL AND \"DropReason\" NOT LIKE 'interrupted%'");

    /// <summary>A chat's stored messages, oldest first: key and how far each got.</summary>
    public Task<List<(string A, string B)>> MessagesToAsync(long chatId) => PairsAsync(
        "SELECT \"Key\", coalesce(\"SentAt\"::text, 'unsent') || ' by ' || coalesce(\"SendingBy\", '-') || ' requests ' || \"RequestsStarted\" || '/' || \"Requests\" || ' attempts ' || \"Attempts\" " +
        "FROM \"Outbox\" WHERE \"ChatId\" = @p ORDER BY \"Id\"", chatId.ToString(CultureInfo.InvariantCulture));

    public async Task<(int Clicks, int Unique)> ClicksAsync()
    {
        var row = (await PairsAsync("SELECT coalesce(sum(\"Clicks\"), 0), coalesce(sum(\"UniqueClicks\"), 0) FROM \"ClickTallies\""))[0];
        return (int.Parse(row.A, CultureInfo.InvariantCulture), int.Parse(row.B, CultureInfo.InvariantCulture));
    }

    private async Task<long> CountAsync(string sql, object? parameter = null) => await ScalarAsync<long?>(sql, parameter) ?? 0;

    // Rows of the first two columns, as text.
    private async Task<List<(string A, string B)>> PairsAsync(string sql, object? parameter = null)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null) command.Parameters.AddWithValue("p", parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
            rows.Add((Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!, Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture)!));
        return rows;
    }

    private async Task<T?> ScalarAsync<T>(string sql, object? parameter = null)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null) command.Parameters.AddWithValue("p", parameter);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
