using Npgsql;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Outbound;
using ReferralBot.Persistence.Relational.Outbound;

namespace ReferralBot.Persistence.Postgres.Outbound;

/// <summary>The outbox's marks, each one statement (committed on its own) on a pooled connection.</summary>
internal sealed class PostgresOutboxMarks(NpgsqlDataSource dataSource, ThisInstance self) : IOutboxMarks
{
    public async Task<bool> MarkSendingAsync(long id, DateTime now, int request, int requests, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(OutboxMarkSql.MarkSending);
        command.Parameters.AddWithValue("p0", id);
        command.Parameters.AddWithValue("p1", now);
        command.Parameters.AddWithValue("p2", self.Id);
        command.Parameters.AddWithValue("p3", request);
        command.Parameters.AddWithValue("p4", requests);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> MarkStartedAsync(long id, int request, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(OutboxMarkSql.MarkStarted);
        command.Parameters.AddWithValue("p0", id);
        command.Parameters.AddWithValue("p1", request);
        command.Parameters.AddWithValue("p2", self.Id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task MarkSentAsync(long id, DateTime now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(OutboxMarkSql.MarkSent);
        command.Parameters.AddWithValue("p0", id);
        command.Parameters.AddWithValue("p1", now);
        command.Parameters.AddWithValue("p2", Outbox.ReplyPrefix);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
