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
        var table = db.Model.FindEntityType(typeof(InboundReceipt))!.GetTableName();
        var receivedAt = time.GetUtcNow().UtcDateTime;
#pragma warning disable EF1002 // the table name comes from the model, the values are parameters
        var inserted = await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO \"{table}\" (\"Channel\", \"ExternalId\", \"ReceivedAt\") VALUES ({{0}}, {{1}}, {{2}}) ON CONFLICT DO NOTHING",
            [channel, externalId, receivedAt],
            cancellationToken);
#pragma warning restore EF1002
        return inserted == 1;
    }
}
