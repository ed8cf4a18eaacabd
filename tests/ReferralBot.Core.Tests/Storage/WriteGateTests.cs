using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Members;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Tests.Support;
using ReferralBot.Persistence.Sqlite;

namespace ReferralBot.Core.Tests.Storage;

/// <summary>Saves queue at the store's write gate instead of sleeping in SQLite's busy handler; nothing may leave it shut.</summary>
public sealed class WriteGateTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5); // half SQLite's busy timeout: a deadlock shows
    private readonly OutsideHoldsTheGate outsideHoldsTheGate = new();
    private TestDatabase database = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        database = TestDatabase.Create(empty: true);
        services = new ServiceCollection().AddSqliteStore(database.ConnectionString)
            .ConfigureDbContext<ReferralBotDbContext>(o => o.AddInterceptors(outsideHoldsTheGate))
            .BuildServiceProvider();
        await UseAsync(db => db.Database.MigrateAsync());
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Fifty_saves_at_once_all_land_and_a_failed_or_empty_save_does_not_shut_the_gate()
    {
        await UseAsync(db => SaveAsync(db, "dup"));

        var saves = Enumerable.Range(0, 50).Select(i => Task.Run(() => UseAsync(db => SaveAsync(db, $"p{i}")))).ToList();
        var duplicate = Task.Run(() => UseAsync(db => SaveAsync(db, "dup")));
        var empty = Task.Run(() => UseAsync(db => db.SaveChangesAsync()));

        await Task.WhenAll(saves).WaitAsync(Patience);
        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.WaitAsync(Patience));
        await empty.WaitAsync(Patience);
        await UseAsync(db => SaveAsync(db, "after")).WaitAsync(Patience);
        Assert.Equal(104, await UseAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task A_save_inside_a_transaction_does_not_wait_for_a_save_that_waits_for_that_transaction()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await SaveAsync(db, "in-transaction-1"); // SQLite's write lock is now this transaction's

        var waiting = Task.Run(() => UseAsync(other => SaveAsync(other, "outside"))); // takes the gate, then waits on SQLite
        await outsideHoldsTheGate.Signal.Task.WaitAsync(Patience);
        await SaveAsync(db, "in-transaction-2").WaitAsync(Patience);
        await transaction.CommitAsync();

        await waiting.WaitAsync(Patience);
        Assert.Equal(6, await UseAsync(d => d.People.CountAsync()));
    }

    /// <summary>Runs after the gate's own interceptor: when the "outside" save's transaction starts, it holds the gate.</summary>
    private sealed class OutsideHoldsTheGate : DbTransactionInterceptor
    {
        public TaskCompletionSource Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<Person>().Any(e => e.Entity.ExternalId == "outside")) Signal.TrySetResult();
            return ValueTask.FromResult(result);
        }
    }

    // Two rows, so the save has a transaction of its own: that is where it takes the gate.
    private static Task<int> SaveAsync(ReferralBotDbContext db, string id)
    {
        foreach (var externalId in new[] { id, $"{id}-friend" })
            db.People.Add(new Person { Channel = "test", ExternalId = externalId, DisplayName = id, FirstSeenAt = DateTime.UtcNow, LastSeenAt = DateTime.UtcNow });
        return db.SaveChangesAsync();
    }

    private async Task<T> UseAsync<T>(Func<ReferralBotDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>());
    }

    private Task<int> UseAsync(Func<ReferralBotDbContext, Task> work) => UseAsync(async db =>
    {
        await work(db);
        return 0;
    });
}
