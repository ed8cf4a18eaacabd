using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Clicks;

/// <summary>
/// Writes buffered clicks in batches. A batch that fails stays in memory and is tried again; at shutdown,
/// after the web server has stopped taking requests, whatever is left is written.
/// </summary>
public sealed partial class ClickWriter(
    ClickBuffer buffer,
    IClickStore store,
    IServiceScopeFactory scopes,
    IOptions<ClickOptions> options,
    TimeProvider time,
    ILogger<ClickWriter> logger) : BackgroundService, IHostedLifecycleService
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<Click> pending = [];

    /// <summary>Writes everything buffered so far; returns when it is stored.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            while (buffer.Reader.TryRead(out var click))
            {
                pending.Add(click);
                if (pending.Count >= options.Value.BatchSize) await WritePendingAsync(cancellationToken);
            }

            if (pending.Count > 0) await WritePendingAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await buffer.Reader.WaitToReadAsync(stoppingToken);
                await Task.Delay(options.Value.FlushInterval, time, stoppingToken);
                await FlushAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWriteFailed(logger, ex, pending.Count + buffer.Count);
                await Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None);
            }
        }
    }

    // The clicks and the tallies they add to, in one transaction: a failed batch leaves neither and is tried again.
    private async Task WritePendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await store.WriteAsync(db, pending, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        pending.Clear();
    }

    // StoppedAsync runs after every hosted service, the web server included, has stopped.
    public Task StoppedAsync(CancellationToken cancellationToken) => FlushAsync(CancellationToken.None);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Error, "Writing clicks failed; {Count} clicks kept in memory to try again")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
