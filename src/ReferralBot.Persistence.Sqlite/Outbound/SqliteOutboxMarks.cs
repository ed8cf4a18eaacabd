using ReferralBot.Core.Outbound;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Sqlite.Outbound;

/// <summary>The outbox's marks as items of the group commit, on statements prepared once.</summary>
internal sealed class SqliteOutboxMarks(GroupCommitWriter writes) : IOutboxMarks
{
    private const string MarkSending = """
        UPDATE "Outbox" SET "SendingAt" = @p1 WHERE "Id" = @p0 AND "SendingAt" IS NULL AND "SentAt" IS NULL AND "DroppedAt" IS NULL
        """;

    private const string MarkSent = """
        UPDATE "Outbox" SET "SentAt" = @p1, "Attempts" = "Attempts" + 1,
            "Payload" = CASE WHEN substr("Key", 1, length(@p2)) = @p2 THEN '[]' ELSE "Payload" END
        WHERE "Id" = @p0
        """;

    public Task<bool> MarkSendingAsync(long id, DateTime now, CancellationToken cancellationToken) =>
        writes.RunAsync(session => ValueTask.FromResult(session.Execute(MarkSending, id, now) == 1), cancellationToken);

    public Task MarkSentAsync(long id, DateTime now, CancellationToken cancellationToken) =>
        writes.RunAsync(session => ValueTask.FromResult(session.Execute(MarkSent, id, now, Outbox.ReplyPrefix)), cancellationToken);
}
