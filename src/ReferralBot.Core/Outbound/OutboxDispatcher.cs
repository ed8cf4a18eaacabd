using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Outbound;

/// <summary>
/// Hands due outbox messages to their channel's send queue and settles each row by the outcome: sent,
/// dropped (unreachable, or too many failures) or due again later with a backoff. Rows survive restarts. A message
/// is marked as being sent (<see cref="OutboxMessage.SendingAt"/>, a conditional update) when its channel is about to
/// put its first request on the wire, and each later request is recorded as it starts, so each is sent at most once:
/// a crash leaves the message marked, and on the next start it resumes with the request after the one cut short (or,
/// if that was its last, is dropped as interrupted rather than sent again). Nothing not yet on the wire is lost.
/// Instances sharing the store lease what they take (<see cref="IRowLeases"/>, then <see cref="OutboxMessage.SendingBy"/>):
/// each message is handed on by one instance, a chat's next message only once its earlier ones are settled, and what a
/// vanished instance had taken but not yet put on the wire is released to the others.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IOutboundChannel> channels,
    IOutboxMarks marks,
    IInstances instances,
    IRowLeases leases,
    ThisInstance self,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, IOutboundChannel> byChannel = channels.ToDictionary(c => c.Channel);
    // Wall-clock, not the injected clock: it paces queries, it schedules nothing.
    private static readonly TimeSpan MinAskGap = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan InterruptedCheck = TimeSpan.FromSeconds(5);
    // At most one delivery a chat is under way: a chat's messages (two answers to two quick messages, say) arrive in
    // the order they are due, and a chat with a long queue (an influencer's sign-up news) holds one slot, not all.
    // A chat counts as busy from before its delivery starts until just before the delivery wakes the loop again, so
    // the ask that wake-up brings always sees the chat free (a finished task may not show as completed yet).
    private readonly ConcurrentDictionary<long, string> busyChats = new();
    private readonly ConcurrentDictionary<long, Task> deliveries = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxInFlight);
        await DropInterruptedAsync(stoppingToken);
        var lookedForInterrupted = Stopwatch.GetTimestamp();
        var sendable = Sendable();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // With every slot taken (a slow chat, the send limit), asking for due messages would only find those
                // already on their way; wait for one to finish instead of asking again at every new message.
                await slots.WaitAsync(stoppingToken);
                slots.Release();
                // Another instance may have died mid-send since: its messages are settled once it is seen gone. At
                // once when this instance may now send on a channel it could not (it took over a dead sender's role).
                var nowSendable = Sendable();
                if (Stopwatch.GetElapsedTime(lookedForInterrupted) > InterruptedCheck || nowSendable > sendable)
                {
                    await instances.JoinAsync(stoppingToken); // again, if the session holding this instance's lock ended
                    await DropInterruptedAsync(stoppingToken);
                    lookedForInterrupted = Stopwatch.GetTimestamp();
                }

                sendable = nowSendable;

                var asked = Stopwatch.GetTimestamp();
                foreach (var message in await DueAsync(slots.CurrentCount, stoppingToken))
                {
                    await slots.WaitAsync(stoppingToken);
                    busyChats[message.Id] = message.ChatId;
                    deliveries[message.Id] = DeliverAsync(message, slots, stoppingToken);
                }

                await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
                // Under a burst every claim and purchase signals; asking once per short gap finds all of theirs at once.
                var since = Stopwatch.GetElapsedTime(asked);
                if (since < MinAskGap) await Task.Delay(MinAskGap - since, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Sends under way finish or are cancelled; what they achieved is recorded before we go.
                await Task.WhenAll(deliveries.Values);
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }

    private int Sendable() => byChannel.Values.Count(c => c.CanSendHere);

    // The earliest due message of each chat with nothing under way, as many as there are free slots. Only those are
    // read: the messages already on their way (waiting in a channel's send queue) are left out by the query itself.
    // With other instances about, a message another one took is left to it, and so is a chat whose earlier message is
    // still unsettled (only a chat's first is taken: two instances never send one chat's messages at once); what this
    // instance takes is marked as its own in the lease's transaction.
    private async Task<List<OutboxMessage>> DueAsync(int free, CancellationToken cancellationToken)
    {
        foreach (var done in deliveries.Where(d => d.Value.IsCompleted).ToList()) deliveries.TryRemove(done);
        if (free == 0) return [];
        var known = byChannel.Values.Where(c => c.CanSendHere).Select(c => c.Channel).ToList();
        if (known.Count == 0) return [];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var busy = busyChats.Values.Distinct().ToList();
        await using var lease = await leases.BeginAsync(db, cancellationToken);
        var outbox = db.Set<OutboxMessage>();
        var due = outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.DroppedAt == null && m.SendingAt == null && m.DueAt <= now && known.Contains(m.Channel)
                && !busy.Contains(m.ChatId));
        if (lease is not null)
        {
            // The chat's first unsettled message, as a subquery per candidate that PostgreSQL always answers from the
            // chat's pending index. Written as "no earlier message exists", the planner may join it instead, and with
            // no statistics yet (a bulk of fresh rows before autovacuum analyzed them) it chose a nested loop that
            // read every pending row for each one, seconds a query for a few thousand rows.
            due = due.Where(m => (m.SendingBy == null || m.SendingBy == self.Id)
                && outbox.Where(e => e.Channel == m.Channel && e.ChatId == m.ChatId && e.SentAt == null && e.DroppedAt == null)
                    .OrderBy(e => e.DueAt).ThenBy(e => e.Id).Select(e => e.Id).FirstOrDefault() == m.Id);
        }

        var read = await leases.SkipLocked(due.OrderBy(m => m.DueAt).ThenBy(m => m.Id).Take(free * 2)).ToListAsync(cancellationToken);
        var taken = read.DistinctBy(m => (m.Channel, m.ChatId)).Take(free).ToList();
        if (lease is not null)
        {
            var ids = taken.Select(m => m.Id).ToList();
            await outbox.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.SendingBy, self.Id), cancellationToken);
            await lease.CommitAsync(cancellationToken);
        }

        return taken;
    }

    private async Task DeliverAsync(OutboxMessage message, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var claim = new SendingClaim(this, message.Id, message.RequestsStarted);
        try
        {
            await Task.Yield();
            var delivery = new OutboundDelivery(message.Key, message.ChatId, Outbox.Read(message), message.RequestsStarted);
            var result = await byChannel[message.Channel].DeliverAsync(delivery, claim.BeginAsync, cancellationToken);
            // Once sent, it is recorded as sent even while the service is stopping. A message someone else claimed
            // is theirs to settle.
            if (!claim.Refused) await SettleAsync(message.Id, result, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping before it went out: it stays due and goes out after the restart.
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(logger, ex, message.Key);
            if (!claim.Refused) await SettleAsync(message.Id, DeliveryResult.Failed, CancellationToken.None);
        }
        finally
        {
            busyChats.TryRemove(message.Id, out _);
            slots.Release();
            signal.Notify(); // the chat's next message, if any, may go now
        }
    }

    private async Task SettleAsync(long id, DeliveryResult result, CancellationToken cancellationToken)
    {
        if (result == DeliveryResult.Delivered)
        {
            await marks.MarkSentAsync(id, time.GetUtcNow().UtcDateTime, cancellationToken);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id, cancellationToken);
        message.Attempts++;
        // Not delivered: it was not (or no longer) on the wire, so it may be claimed again later, by any instance, and
        // is tried again whole.
        (message.SendingAt, message.SendingBy, message.RequestsStarted) = (null, null, 0);
        switch (result)
        {
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


    private Task<bool> ClaimAsync(long id, int request, int requests, CancellationToken cancellationToken) =>
        marks.MarkSendingAsync(id, time.GetUtcNow().UtcDateTime, request, requests, cancellationToken);

    private Task<bool> StartedAsync(long id, int request, CancellationToken cancellationToken) => marks.MarkStartedAsync(id, request, cancellationToken);

    // A message a crash cut off mid-send: the request on the wire then may or may not have reached the person, and
    // sending it again could make a duplicate. So the message resumes with its next request, and one whose last
    // request was cut off is dropped, and said so in the log. Only an instance that is gone cut them off: another
    // running instance's messages are on their way. What a gone instance had taken but not yet put on the wire is
    // simply free again.
    private async Task DropInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var held = db.Set<OutboxMessage>().Where(m => (m.SendingAt != null || m.SendingBy != null) && m.SentAt == null && m.DroppedAt == null);
        var holders = await held.Select(m => m.SendingBy).Distinct().ToListAsync(cancellationToken);
        if (holders.Count == 0) return;
        var gone = (await instances.GoneAsync(holders.OfType<string>().ToList(), cancellationToken)).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var cut = held.Where(m => m.SendingAt != null && (m.SendingBy == null || gone.Contains(m.SendingBy)));
        var resumed = await cut.Where(m => m.RequestsStarted < m.Requests)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SendingAt, (DateTime?)null).SetProperty(m => m.SendingBy, (string?)null), cancellationToken);
        if (resumed > 0) LogResumed(logger, resumed);
        var dropped = await cut.Where(m => m.RequestsStarted >= m.Requests)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DroppedAt, now).SetProperty(m => m.DropReason, "interrupted while sending; not sent again"), cancellationToken);
        if (dropped > 0) LogInterrupted(logger, dropped);
        var released = await held.Where(m => m.SendingAt == null && gone.Contains(m.SendingBy!))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SendingBy, (string?)null), cancellationToken);
        if (released > 0) LogReleased(logger, released);
        if (resumed + released > 0) signal.Notify();
    }

    /// <summary>
    /// One delivery's record of its requests as they start: the first marks the message as being sent (a claim
    /// another instance's attempt would lose), each later one is recorded before it goes, each once (a retry of a
    /// request already recorded goes at once). Calls are taken in turn, each after the one before has finished; a
    /// channel's queue may still call after the delivery has ended (when stopping), so it holds nothing to dispose.
    /// </summary>
    private sealed class SendingClaim(OutboxDispatcher dispatcher, long id, int firstRequest)
    {
        private readonly Lock gate = new();
        private Task<bool> last = Task.FromResult(true);
        private int started = firstRequest;
        private bool claimed;

        public bool Refused { get; private set; }

        public Task<bool> BeginAsync(int request, int requests, CancellationToken cancellationToken)
        {
            lock (gate) return last = AfterAsync(last, request, requests, cancellationToken);
        }

        private async Task<bool> AfterAsync(Task<bool> previous, int request, int requests, CancellationToken cancellationToken)
        {
            try
            {
                await previous;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // That call's failure was its own caller's to handle; this one asks again.
            }

            if (Refused) return false;
            if (request < started && claimed) return true;
            var ok = claimed
                ? await dispatcher.StartedAsync(id, request, cancellationToken)
                : await dispatcher.ClaimAsync(id, request, requests, cancellationToken);
            if (!ok)
            {
                Refused = true;
                return false;
            }

            (claimed, started) = (true, request + 1);
            return true;
        }
    }

    [LoggerMessage(LogLevel.Information, "{Count} outbox messages cut short when their instance stopped resume with their next request")]
    private static partial void LogResumed(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "{Count} outbox messages were being sent when their instance stopped; they are not sent again, to never send one twice")]
    private static partial void LogInterrupted(ILogger logger, int count);

    [LoggerMessage(LogLevel.Information, "{Count} outbox messages taken by an instance that has stopped are free for the others again")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(LogLevel.Error, "The outbox loop failed; trying again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Delivering outbox message {Key} failed; it will be tried again")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string key);
}
