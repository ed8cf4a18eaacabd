using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Channels.Telegram.Concurrency;
using ReferralBot.Channels.Telegram.Setup;
using ReferralBot.Core.Members;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// Every Bot API send goes through here. One loop decides what may start: at most 30 sends reach the wire in any
/// second overall (sends start evenly spaced and in step with a sliding window on the wire, <see cref="SendWindow"/>,
/// which their requests keep, <see cref="WireWindow"/>), each chat gets one at a time and at most one per
/// second (one per three seconds for a group, Telegram's 20 a minute), a 429 pauses every send for its
/// <c>retry_after</c>, 5xx and network errors are tried again with a growing backoff, and a 403 ends the chat's queue
/// as unreachable.
/// </summary>
internal sealed partial class TelegramSendQueue(
    IOptions<TelegramOptions> options,
    Reachability reachability,
    TimeProvider time,
    ILogger<TelegramSendQueue> logger) : BackgroundService
{
    private static readonly AsyncLocal<SendJob?> CurrentJob = new();
    private static readonly TimeSpan WindowMargin = TimeSpan.FromMilliseconds(10);
    private readonly Mailbox<SendEvent> events = new(Abandon);
    private readonly Dictionary<long, ChatLane> lanes = [];
    private readonly PriorityQueue<ChatLane, DateTimeOffset> ready = new();
    private readonly SendWindow window = new(LimitOf(options.Value), WindowOf(options.Value), WindowMargin);
    private readonly WireWindow wire = new(LimitOf(options.Value), WindowOf(options.Value), WindowMargin, time);
    private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;
    private int inFlight;
    // The timer of the last wait, kept while it is not later than the next start: a burst of queued replies wakes
    // the loop once per event, and a new timer for each cost more than the sends.
    private Task? timer;
    private DateTimeOffset timerDue;

    /// <summary>Queues a send; the task completes when it was delivered, refused for good, or given up.</summary>
    public Task<DeliveryResult> EnqueueAsync(long chatId, Func<CancellationToken, Task> send)
    {
        var job = new SendJob(chatId, send);
        Tell(new SendEvent.Queued(job));
        return job.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var stopping = stoppingToken.Register(events.Close);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                events.Rearm();
                while (events.TryTake(out var e)) Apply(e);
                var wait = StartWhatMayStart(stoppingToken);
                await WaitAsync(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Stopping: nothing more starts, and nothing queued, or ending late, is left waiting for an answer.
        events.Close();
        while (events.TryTake(out var e)) Abandon(e);
        foreach (var job in lanes.Values.SelectMany(l => l.Jobs)) job.Done.TrySetResult(DeliveryResult.Failed);
    }

    /// <summary>Starts every send allowed now; returns how long until the next one may start (null: nothing waits).</summary>
    private TimeSpan? StartWhatMayStart(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (ready.TryPeek(out var lane, out var laneTime))
        {
            var now = time.GetUtcNow();
            if (window.NextStart() is not { } overall) return null; // sends on their way fill the window; the next Wired event wakes us
            var startAt = Max(laneTime, overall, pausedUntil);
            if (startAt > now) return startAt - now;
            if (inFlight >= settings.MaxConcurrentSends) return null;

            ready.Dequeue();
            lane.Scheduled = false;
            var job = lane.Jobs.Dequeue();
            lane.Busy = true;
            (job.StartedAt, job.Wired) = (now, false);
            window.Started(now);
            inFlight++;
            _ = RunAsync(job, stoppingToken);
        }

        return null;
    }

    /// <summary>
    /// Called by <see cref="TelegramWireClock"/> before each write to a Bot API connection: for the first write of one of
    /// our sends' requests, waits until the window lets it go and returns true (<see cref="LeftWire"/> must follow the
    /// write); false at once for any other write (the rest of a request, getUpdates).
    /// </summary>
    internal async ValueTask<bool> EnterWireAsync(CancellationToken cancellationToken)
    {
        if (CurrentJob.Value is not { } job || !job.TryEnterWire()) return false;
        await wire.EnterAsync(cancellationToken);
        return true;
    }

    /// <summary>The write after <see cref="EnterWireAsync"/> returned true is done (or failed): the windows count its request from now.</summary>
    internal void LeftWire()
    {
        var now = time.GetUtcNow();
        wire.Left(now);
        if (CurrentJob.Value is { } job) Tell(new SendEvent.Wired(job, now));
    }

    private async Task RunAsync(SendJob job, CancellationToken stoppingToken)
    {
        CurrentJob.Value = job;
        job.BeginAttempt();
        try
        {
            await job.Send(stoppingToken);
            Tell(new SendEvent.Finished(job, DeliveryResult.Delivered));
        }
        catch (SendWithdrawnException)
        {
            LogWithdrawn(logger, job.ChatId);
            Tell(new SendEvent.Finished(job, DeliveryResult.Failed));
        }
        catch (Exception ex) when (SendFailure.IsRateLimit(ex, out var retryAfter))
        {
            LogRateLimited(logger, job.ChatId, retryAfter.TotalSeconds);
            // Requests already on their way, not yet on the wire, would reach Telegram inside the pause: they wait it out.
            wire.HoldUntil(time.GetUtcNow() + retryAfter);
            Tell(new SendEvent.Retry(job, retryAfter, Everyone: true));
        }
        catch (Exception ex) when (SendFailure.IsUnreachable(ex))
        {
            Tell(new SendEvent.Finished(job, DeliveryResult.Unreachable));
            await MarkUnreachableAsync(job.ChatId, ex.Message);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested && SendFailure.IsTransient(ex) && job.Attempts < options.Value.MaxSendAttempts)
        {
            var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, job.Attempts - 1)));
            LogRetrying(logger, ex, job.ChatId, job.Attempts, backoff.TotalSeconds);
            Tell(new SendEvent.Retry(job, backoff, Everyone: false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the send was cut short, which is no failure worth an error in the log.
            Tell(new SendEvent.Finished(job, DeliveryResult.Failed));
        }
        catch (Exception ex)
        {
            LogGaveUp(logger, ex, job.ChatId, job.Attempts);
            Tell(new SendEvent.Finished(job, DeliveryResult.Failed));
        }
    }

    private async Task MarkUnreachableAsync(long chatId, string reason)
    {
        try
        {
            await reachability.MarkUnreachableAsync(TelegramOutboundChannel.Name, chatId.ToString(CultureInfo.InvariantCulture), reason, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogMarkFailed(logger, ex, chatId);
        }
    }

    private void Apply(SendEvent e)
    {
        switch (e)
        {
            case SendEvent.Queued(var job):
                Schedule(Lane(job.ChatId), add: job);
                break;
            case SendEvent.Wired(var job, var at):
                CountWired(job, at);
                break;
            case SendEvent.Finished(var job, var result):
                // A send that never passed the wire clock (a refused claim, or a test's send) counts from its start.
                CountWired(job, job.StartedAt);
                inFlight--;
                job.Done.TrySetResult(result);
                var lane = Lane(job.ChatId);
                lane.Busy = false;
                // Counted from the end of the last send, so Telegram never sees two closer than the interval.
                lane.NextAllowed = time.GetUtcNow() + Interval(job);
                // A chat that refuses the bot refuses everything still queued for it.
                if (result == DeliveryResult.Unreachable)
                    while (lane.Jobs.TryDequeue(out var queued)) queued.Done.TrySetResult(DeliveryResult.Unreachable);
                Schedule(lane);
                break;
            case SendEvent.Retry(var job, var delay, var everyone):
                CountWired(job, job.StartedAt);
                inFlight--;
                if (everyone) job.Attempts--; // being told to wait is not a failed attempt
                var retryLane = Lane(job.ChatId);
                retryLane.Busy = false;
                var until = time.GetUtcNow() + delay;
                retryLane.NextAllowed = Max(retryLane.NextAllowed, until, DateTimeOffset.MinValue);
                if (everyone) pausedUntil = Max(pausedUntil, until, DateTimeOffset.MinValue);
                Requeue(retryLane, job);
                // Held by the pause as every chat is, until the same time.
                Schedule(retryLane, readySince: everyone ? DateTimeOffset.MinValue : null);
                break;
        }
    }

    // Chats take their turns in the order they became ready: a chat queued now goes after one whose retry's delay has
    // ended, not before every chat that was ever told to wait (which, under a steady stream of new chats, never went).
    // A send refused with a 429 had its turn already: after the pause it goes first (readySince MinValue).
    private void Schedule(ChatLane lane, SendJob? add = null, DateTimeOffset? readySince = null)
    {
        if (add is not null) lane.Jobs.Enqueue(add);
        if (lane.Busy || lane.Scheduled || lane.Jobs.Count == 0) return;
        lane.Scheduled = true;
        ready.Enqueue(lane, readySince ?? Max(lane.NextAllowed, time.GetUtcNow(), DateTimeOffset.MinValue));
    }

    // The retried send goes first again, so the chat's messages keep their order.
    private static void Requeue(ChatLane lane, SendJob job)
    {
        var rest = lane.Jobs.ToArray();
        lane.Jobs.Clear();
        lane.Jobs.Enqueue(job);
        foreach (var queued in rest) lane.Jobs.Enqueue(queued);
    }

    private void CountWired(SendJob job, DateTimeOffset at)
    {
        if (job.Wired) return;
        job.Wired = true;
        window.Wired(job.StartedAt, at);
    }

    private TimeSpan Interval(SendJob job) => job.IsGroup ? options.Value.GroupChatInterval : options.Value.PrivateChatInterval;

    private ChatLane Lane(long chatId)
    {
        if (!lanes.TryGetValue(chatId, out var lane)) lanes[chatId] = lane = new ChatLane(chatId);
        return lane;
    }

    // Waits for an event or the next start time. The timer is rounded up to whole milliseconds, because timers fire
    // on millisecond ticks and a shorter wait would only spin the loop until the start time comes; a timer already
    // running is kept unless it would fire too late (one that fires early only turns the loop once more).
    private async Task WaitAsync(TimeSpan? delay, CancellationToken stoppingToken)
    {
        if (delay is { } d)
        {
            var wholeMilliseconds = TimeSpan.FromMilliseconds(Math.Ceiling(d.TotalMilliseconds));
            var due = time.GetUtcNow() + wholeMilliseconds;
            if (timer is null || timer.IsCompleted || timerDue > due) (timer, timerDue) = (Task.Delay(wholeMilliseconds, time, stoppingToken), due);
            await Task.WhenAny(events.Posted, timer);
        }
        else
        {
            await events.Posted;
        }

        stoppingToken.ThrowIfCancellationRequested();
    }

    private void Tell(SendEvent e)
    {
        if (!events.Post(e)) Abandon(e);
    }

    // An event after stopping: a queued send will not be made, and one that was running has ended either way.
    private static void Abandon(SendEvent e)
    {
        switch (e)
        {
            case SendEvent.Queued(var job):
                job.Done.TrySetResult(DeliveryResult.Failed);
                break;
            case SendEvent.Finished(var job, var result):
                job.Done.TrySetResult(result);
                break;
            case SendEvent.Retry(var job, _, _):
                job.Done.TrySetResult(DeliveryResult.Failed);
                break;
        }
    }

    private static int LimitOf(TelegramOptions options) => Math.Max(1, (int)Math.Floor(options.MaxMessagesPerSecond));

    // The time in which the whole number of sends LimitOf allows may go: a second for 30 a second, more for 29.5.
    private static TimeSpan WindowOf(TelegramOptions options) => TimeSpan.FromSeconds(LimitOf(options) / options.MaxMessagesPerSecond);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b, DateTimeOffset c) =>
        new(Math.Max(Math.Max(a.UtcTicks, b.UtcTicks), c.UtcTicks), TimeSpan.Zero);
}
