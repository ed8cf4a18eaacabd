using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ReferralBot.Persistence.Sqlite;

/// <summary>
/// SQLite lets one writer in at a time. Left to itself, every other writer sleeps in SQLite's busy handler for
/// 1, 2, 5, 10 … 100 ms at a time and tries again, so under many concurrent messages much of the waiting is sleep
/// after the lock is already free. This gate queues this process's own saves instead: the next one starts the
/// moment the last one ends. A save takes the gate as its transaction starts, after every other interceptor has
/// seen it, and gives it back when it has finished, failed or been cancelled. A save of a single statement has no
/// transaction (EF runs it on its own) and is not gated; nor is a save inside an explicit transaction, which
/// already holds or waits for SQLite's lock. Gating those could wait on a gate held by a save that waits on that lock.
/// (Gating every command costs more than it saves: EF's command interception then runs for every query.)
/// One gate per store (per database), a singleton of the container that owns it.
/// </summary>
internal sealed class SqliteWriteGate : SaveChangesInterceptor, IDbTransactionInterceptor, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, Save> saves = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Begin(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Begin(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        End(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        End(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => End(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => End(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context);
        return Task.CompletedTask;
    }

    public void Dispose() => gate.Dispose();

    private void Begin(DbContext? db)
    {
        if (db is { Database.CurrentTransaction: null }) saves.AddOrUpdate(db, new Save());
    }

    private void Enter(DbContext? db)
    {
        if (db is null || !saves.TryGetValue(db, out var save) || save.Holds) return;
        gate.Wait();
        save.Holds = true;
    }

    private async ValueTask EnterAsync(DbContext? db, CancellationToken cancellationToken)
    {
        if (db is null || !saves.TryGetValue(db, out var save) || save.Holds) return;
        await gate.WaitAsync(cancellationToken);
        save.Holds = true;
    }

    private void End(DbContext? db)
    {
        if (db is not null && saves.TryGetValue(db, out var save) && saves.Remove(db) && save.Holds) gate.Release();
    }

    private sealed class Save
    {
        public bool Holds { get; set; }
    }
}
