using ReferralBot.Core.Cluster;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Storage;
using ReferralBot.Persistence.Relational.Outbound;

namespace ReferralBot.Persistence.Sqlite.Outbound;

/// <summary>The outbox's marks as items of the group commit, on statements prepared once.</summary>
internal sealed class SqliteOutboxMarks(GroupCommitWriter writes, ThisInstance self) : IOutboxMarks
{
    public Task<bool> MarkSendingAsync(long id, DateTime now, int request, int requests, CancellationToken cancellationToken) =>
        writes.RunAsync(session => ValueTask.FromResult(session.Execute(OutboxMarkSql.MarkSending, id, now, self.Id, request, requests) == 1), cancellationToken);

    public Task<bool> MarkStartedAsync(long id, int request, CancellationToken cancellationToken) =>
        writes.RunAsync(session => ValueTask.FromResult(session.Execute(OutboxMarkSql.MarkStarted, id, request, self.Id) == 1), cancellationToken);

    public Task MarkSentAsync(long id, DateTime now, CancellationToken cancellationToken) =>
        writes.RunAsync(session => ValueTask.FromResult(session.Execute(OutboxMarkSql.MarkSent, id, now, Outbox.ReplyPrefix)), cancellationToken);
}
