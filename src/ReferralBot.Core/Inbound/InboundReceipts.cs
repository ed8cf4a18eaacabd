using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Inbound;

/// <summary>
/// At-most-once handling of channel updates: an update is recorded before it is handled, and the unique key
/// turns a second delivery of the same id (a retry, a redelivered webhook) into a no-op.
/// </summary>
public sealed class InboundReceipts(GroupCommitWriter writes, TimeProvider time)
{
    // A duplicate changes no row, so it is answered without the cost of a failed insert and its exception
    // (redeliveries come in bursts when a webhook times out).
    private const string Insert = """
        INSERT INTO "InboundReceipt" ("Channel", "ExternalId", "ReceivedAt") VALUES (@p0, @p1, @p2) ON CONFLICT DO NOTHING
        """;

    /// <summary>True the first time this update is seen; false for a duplicate.</summary>
    /// <remarks>Group-committed with the other writes waiting at the same moment (<see cref="GroupCommitWriter"/>).</remarks>
    public Task<bool> TryRecordAsync(string channel, string externalId, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow().UtcDateTime;
        return writes.RunAsync(session => ValueTask.FromResult(session.Execute(Insert, channel, externalId, receivedAt) == 1), cancellationToken);
    }
}
