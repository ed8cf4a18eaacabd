using Microsoft.EntityFrameworkCore.Storage;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Cluster;

/// <summary>
/// Due rows that every instance looks for (outbox messages, nudges): an instance reads a set inside a lease
/// transaction, and the rows it read stay locked to it until that transaction ends, so the others skip them instead
/// of settling the same rows or waiting for them. A store only one process uses has nothing to skip.
/// </summary>
public interface IRowLeases
{
    /// <summary>The transaction the locked rows are held in; null when this instance is the store's only one.</summary>
    Task<IDbContextTransaction?> BeginAsync(ReferralBotDbContext db, CancellationToken cancellationToken);

    /// <summary><paramref name="query"/>, its rows locked for the lease, those another instance holds left out.</summary>
    IQueryable<T> SkipLocked<T>(IQueryable<T> query);
}
