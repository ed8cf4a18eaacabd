using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReferralBot.Core.Storage;

/// <summary>
/// Group commit for the hottest small writes (an update's receipt, a claim by someone new): one writer, on one open
/// connection whose statements stay prepared, runs whatever is waiting one after the other in a single transaction
/// and commits once. Under 40 concurrent webhooks that is one commit, and no lock contention, for dozens of writes.
/// A work item sees every earlier item of its batch. When a batch fails, nothing of it is kept and each item is run
/// again alone, so one bad item fails only its own caller. Before the host starts and after it stops, each item runs
/// alone on a connection of its own.
/// </summary>
public sealed partial class GroupCommitWriter(IServiceScopeFactory scopes, ILogger<GroupCommitWriter> logger) : BackgroundService
{
    private const int MaxBatch = 64;
    private readonly Channel<IWork> queue = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });
    private volatile bool running;

    /// <summary>Runs <paramref name="work"/> inside the next batch's transaction; its result once that is committed.</summary>
    public Task<T> RunAsync<T>(Func<WriteSession, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        var item = new Work<T>(work);
        if (!running || !queue.Writer.TryWrite(item)) return RunAloneAsync(work, cancellationToken);
        return item.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        await db.Database.OpenConnectionAsync(stoppingToken);
        using var session = new WriteSession(db.Database.GetDbConnection());
        var batch = new List<IWork>(MaxBatch);
        running = true;
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item)) batch.Add(item);
                await WriteAsync(session, batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            running = false;
            // Anything still queued runs alone: nothing accepted is dropped at shutdown.
            while (queue.Reader.TryRead(out var item)) batch.Add(item);
            foreach (var item in batch) await item.RunAloneAsync(session);
        }
    }

    private async Task WriteAsync(WriteSession session, List<IWork> batch)
    {
        try
        {
            session.Begin();
            foreach (var item in batch) await item.RunAsync(session);
            await session.FinishAsync();
            session.Commit();
        }
        catch (Exception ex)
        {
            session.Rollback();
            LogBatchFailed(logger, ex, batch.Count);
            foreach (var item in batch) await item.RunAloneAsync(session);
            return;
        }

        foreach (var item in batch) item.Complete();
    }

    private async Task<T> RunAloneAsync<T>(Func<WriteSession, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        using var session = new WriteSession(db.Database.GetDbConnection());
        var item = new Work<T>(work);
        await item.RunAloneAsync(session);
        return await item.Done.Task;
    }

    [LoggerMessage(LogLevel.Warning, "A batch of {Count} writes failed and was rolled back; each is run again alone")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private interface IWork
    {
        ValueTask RunAsync(WriteSession session);

        void Complete();

        ValueTask RunAloneAsync(WriteSession session);
    }

    private sealed class Work<T>(Func<WriteSession, ValueTask<T>> work) : IWork
    {
        private T? result;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask RunAsync(WriteSession session) => result = await work(session);

        public void Complete() => Done.TrySetResult(result!);

        public async ValueTask RunAloneAsync(WriteSession session)
        {
            try
            {
                session.Begin();
                await RunAsync(session);
                await session.FinishAsync();
                session.Commit();
                Complete();
            }
            catch (Exception ex)
            {
                session.Rollback();
                Done.TrySetException(ex);
            }
        }
    }
}
