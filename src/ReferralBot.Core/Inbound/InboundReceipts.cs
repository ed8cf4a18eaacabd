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
    public async Task<bool> TryRecordAsync(string channel, string externalId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        db.Add(new InboundReceipt { Channel = channel, ExternalId = externalId, ReceivedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false;
        }
    }
}
