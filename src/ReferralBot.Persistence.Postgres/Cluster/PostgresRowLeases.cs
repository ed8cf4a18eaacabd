using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Postgres.Cluster;

/// <summary>
/// Leases by <c>SELECT … FOR UPDATE SKIP LOCKED</c> in a read-committed transaction: the rows read stay locked until it
/// ends, and another instance's query passes over them rather than waiting (EF has no words for the clause, so the
/// query is tagged and <see cref="SkipLockedInterceptor"/> adds it).
/// </summary>
internal sealed class PostgresRowLeases : IRowLeases
{
    public async Task<IDbContextTransaction?> BeginAsync(ReferralBotDbContext db, CancellationToken cancellationToken) =>
        await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public IQueryable<T> SkipLocked<T>(IQueryable<T> query) => query.TagWith(SkipLockedInterceptor.Tag);
}
