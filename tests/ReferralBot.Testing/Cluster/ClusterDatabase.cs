using Npgsql;

namespace ReferralBot.Testing.Cluster;

/// <summary>The cluster scenario's questions to the shared database, in its own SQL (test support, not the service's).</summary>
public sealed class ClusterDatabase(string connectionString)
{
    /// <summary>The <c>Application Name</c> of the session holding the advisory lock <paramref name="lockName"/>, if any.</summary>
    public Task<string?> HolderAsync(string lockName) => ScalarAsync<string?>(
        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
        "WHERE l.locktype = 'advisory' AND l.granted AND l.objid = (hashtextextended(@p, 0) & 4294967295)::oid LIMIT 1", lockName);

    public async Task<long> CountAsync(string sql, object? parameter = null) => await ScalarAsync<long?>(sql, parameter) ?? 0;

    public async Task<decimal> SumAsync(string sql) => await ScalarAsync<decimal?>(sql) ?? 0m;

    /// <summary>Rows of the first two columns, as text.</summary>
    public async Task<List<(string A, string B)>> PairsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!, Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)!));
        return rows;
    }

    private async Task<T?> ScalarAsync<T>(string sql, object? parameter = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null) command.Parameters.AddWithValue("p", parameter);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }
}
