using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ReferralBot.Core.Storage;

/// <summary>
/// Several writes that must happen together. On their own they get a transaction; inside a transaction already open
/// (a message the <see cref="Inbound.InboundPipeline"/> holds) they get a savepoint, so a failed attempt is undone
/// without undoing the rest of the message, and only the outer commit makes any of it permanent.
/// </summary>
public sealed class AtomicWork : IAsyncDisposable
{
    private readonly IDbContextTransaction transaction;
    private readonly string? savepoint;
    private bool done;

    private AtomicWork(IDbContextTransaction transaction, string? savepoint) => (this.transaction, this.savepoint) = (transaction, savepoint);

    public static async Task<AtomicWork> BeginAsync(ReferralBotDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null && !db.HoldsTransaction)
            return new AtomicWork(await db.Database.BeginTransactionAsync(cancellationToken), savepoint: null);

        var outer = db.Database.CurrentTransaction ?? await db.Database.BeginTransactionAsync(cancellationToken);
        var name = "work_" + Guid.NewGuid().ToString("N")[..12];
        await outer.CreateSavepointAsync(name, cancellationToken);
        return new AtomicWork(outer, name);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (savepoint is null) await transaction.CommitAsync(cancellationToken);
        else await transaction.ReleaseSavepointAsync(savepoint, cancellationToken);
        done = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (savepoint is null)
        {
            await transaction.DisposeAsync();
            return;
        }

        if (!done) await transaction.RollbackToSavepointAsync(savepoint);
    }
}
