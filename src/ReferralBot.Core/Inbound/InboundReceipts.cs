using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Inbound;

/// <summary>
/// At-most-once handling of channel updates: an update is recorded before it is handled, and the unique key
/// turns a second delivery of the same id (a retry, a redelivered webhook) into a no-op.
/// </summary>
public sealed class InboundReceipts(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>True the first time this update is seen; false for a duplicate.</summary>
    /// <remarks>
    /// One <c>INSERT … ON CONFLICT DO NOTHING</c>: a duplicate changes no row, so it is answered without the cost of
    /// a failed insert and its exception (redeliveries come in bursts when a webhook times out).
    /// </remarks>
    public async Task<bool> TryRecordAsync(string channel, string externalId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var receivedAt = time.GetUtcNow().UtcDateTime;
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "InboundReceipt" ("Channel", "ExternalId", "ReceivedAt") VALUES ({channel}, {externalId}, {receivedAt}) ON CONFLICT DO NOTHING""",
            cancellationToken);
        return inserted == 1;
    }
}
