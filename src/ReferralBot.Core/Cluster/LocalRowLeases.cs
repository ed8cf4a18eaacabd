using Microsoft.EntityFrameworkCore.Storage;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Cluster;

/// <summary>A store only this process uses: its due rows are all its own, read without a lease.</summary>
public sealed class LocalRowLeases : IRowLeases
{
    public Task<IDbContextTransaction?> BeginAsync(ReferralBotDbContext db, CancellationToken cancellationToken) => Task.FromResult<IDbContextTransaction?>(null);

    public IQueryable<T> SkipLocked<T>(IQueryable<T> query) => query;
}
