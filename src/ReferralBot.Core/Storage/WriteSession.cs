using System.Data.Common;

namespace ReferralBot.Core.Storage;

/// <summary>
/// The <see cref="GroupCommitWriter"/>'s connection and transaction. Each SQL text becomes one command, prepared on first use
/// and kept, so a statement is parsed once per connection rather than once per write. Parameters are positional:
/// <c>@p0</c>, <c>@p1</c> … in the order the values are given.
/// </summary>
public sealed class WriteSession(DbConnection connection) : IDisposable
{
    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);
    private DbTransaction? transaction;
    private List<Func<ValueTask>>? beforeCommit;

    public int Execute(string sql, params object?[] values) => Command(sql, values).ExecuteNonQuery();

    public object? Scalar(string sql, params object?[] values) => Command(sql, values).ExecuteScalar() is var value && value is DBNull ? null : value;

    public DbDataReader Read(string sql, params object?[] values) => Command(sql, values).ExecuteReader();

    /// <summary>As <see cref="Scalar"/>, without holding a thread while it waits (for a row another writer has locked, say).</summary>
    public async Task<object?> ScalarAsync(string sql, params object?[] values) =>
        await Command(sql, values).ExecuteScalarAsync() is var value && value is DBNull ? null : value;

    /// <summary>
    /// Runs <paramref name="work"/> after every item of the batch has had its turn, just before the commit (in the order
    /// given). An item starts slow work that needs no rows (rendering a reply) on another thread, and writes its result
    /// here: the writer goes on with the next items meanwhile.
    /// </summary>
    public void BeforeCommit(Func<ValueTask> work) => (beforeCommit ??= []).Add(work);

    public void Dispose()
    {
        transaction?.Dispose();
        foreach (var command in commands.Values) command.Dispose();
    }

    internal void Begin() => transaction = connection.BeginTransaction();

    internal async ValueTask FinishAsync()
    {
        var work = beforeCommit;
        beforeCommit = null;
        foreach (var step in work ?? []) await step();
    }

    internal void Commit()
    {
        transaction!.Commit();
        transaction.Dispose();
        transaction = null;
    }

    internal void Rollback()
    {
        beforeCommit = null;
        if (transaction is null) return;
        try
        {
            transaction.Rollback();
        }
        catch (DbException)
        {
            // Already rolled back by the database (a failed commit); nothing is left to undo.
        }

        transaction.Dispose();
        transaction = null;
    }

    private DbCommand Command(string sql, object?[] values)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }

            commands[sql] = command;
        }

        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }
}
