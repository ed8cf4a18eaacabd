using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Outbound;

/// <summary>
/// Hands due outbox messages to their channel's send queue and settles each row by the outcome: sent,
/// dropped (unreachable, or too many failures) or due again later with a backoff. Rows survive restarts;
/// a message whose send completed just before a crash may be sent once more (at least once).
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IOutboundChannel> channels,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, IOutboundChannel> byChannel = channels.ToDictionary(c => c.Channel);
    private readonly ConcurrentDictionary<long, Task> inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxInFlight);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var message in await DueAsync(stoppingToken))
                {
                    await slots.WaitAsync(stoppingToken);
                    inFlight[message.Id] = DeliverAsync(message, slots, stoppingToken);
                }

                await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Sends under way finish or are cancelled; what they achieved is recorded before we go.
                await Task.WhenAll(inFlight.Values);
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }

    private async Task<List<OutboxMessage>> DueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var known = byChannel.Keys.ToList();
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && m.DroppedAt == null && m.DueAt <= now && known.Contains(m.Channel))
            .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
            .Take(options.Value.MaxInFlight)
            .ToListAsync(cancellationToken);
        foreach (var done in inFlight.Where(f => f.Value.IsCompleted).ToList()) inFlight.TryRemove(done);
        return due.Where(m => !inFlight.ContainsKey(m.Id)).ToList();
    }

    private async Task DeliverAsync(OutboxMessage message, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            var result = await byChannel[message.Channel].DeliverAsync(message.ChatId, Outbox.Read(message), cancellationToken);
            // Once sent, it is recorded as sent even while the service is stopping.
            await SettleAsync(message.Id, result, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping before it went out: it stays due and goes out after the restart.
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(logger, ex, message.Key);
            await SettleAsync(message.Id, DeliveryResult.Failed, CancellationToken.None);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task SettleAsync(long id, DeliveryResult result, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        message.Attempts++;
        switch (result)
        {
            case DeliveryResult.Delivered:
                message.SentAt = now;
                break;
            case DeliveryResult.Unreachable:
                (message.DroppedAt, message.DropReason) = (now, "unreachable");
                await db.People.Where(p => p.Id == message.PersonId && p.UnreachableAt == null)
                    .ExecuteUpdateAsync(p => p.SetProperty(x => x.UnreachableAt, now), cancellationToken);
                break;
            case DeliveryResult.Failed when message.Attempts >= options.Value.MaxAttempts:
                (message.DroppedAt, message.DropReason) = (now, $"failed {message.Attempts} times");
                break;
            default:
                message.DueAt = now + TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, message.Attempts - 1)));
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Error, "The outbox loop failed; trying again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Delivering outbox message {Key} failed; it will be tried again")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string key);
}
