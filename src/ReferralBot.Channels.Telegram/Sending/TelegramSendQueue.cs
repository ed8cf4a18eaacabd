using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Channels.Telegram.Setup;
using ReferralBot.Core.Members;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// Every Bot API send goes through here. One loop decides what may start: sends are spaced to stay under the
/// overall rate (30/s), each chat gets one at a time and at most one per second (one per three seconds for a
/// group, Telegram's 20 a minute), a 429 pauses every send for its <c>retry_after</c>, 5xx and network errors
/// are tried again with a growing backoff, and a 403 ends the chat's queue as unreachable.
/// </summary>
internal sealed partial class TelegramSendQueue(
    IOptions<TelegramOptions> options,
    Reachability reachability,
    TimeProvider time,
    ILogger<TelegramSendQueue> logger) : BackgroundService
{
    private readonly Channel<SendEvent> events = Channel.CreateUnbounded<SendEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<long, ChatLane> lanes = [];
    private readonly PriorityQueue<ChatLane, DateTimeOffset> ready = new();
    private DateTimeOffset nextGlobalStart = DateTimeOffset.MinValue;
    private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;
    private int inFlight;
    private Task<bool>? pendingRead;

    /// <summary>Queues a send; the task completes when it was delivered, refused for good, or given up.</summary>
    public Task<DeliveryResult> EnqueueAsync(long chatId, Func<CancellationToken, Task> send)
    {
        var job = new SendJob(chatId, send);
        if (!events.Writer.TryWrite(new SendEvent.Queued(job))) job.Done.TrySetResult(DeliveryResult.Failed);
        return job.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                while (events.Reader.TryRead(out var e)) Apply(e);
                var wait = StartWhatMayStart(stoppingToken);
                await WaitAsync(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            events.Writer.TryComplete();
            foreach (var job in lanes.Values.SelectMany(l => l.Jobs)) job.Done.TrySetResult(DeliveryResult.Failed);
        }
    }

    /// <summary>Starts every send allowed now; returns how long until the next one may start (null: nothing waits).</summary>
    private TimeSpan? StartWhatMayStart(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (ready.TryPeek(out var lane, out var laneTime))
        {
            var now = time.GetUtcNow();
            var startAt = Max(laneTime, nextGlobalStart, pausedUntil);
            if (startAt > now) return startAt - now;
            if (inFlight >= settings.MaxConcurrentSends) return null;

            ready.Dequeue();
            lane.Scheduled = false;
            var job = lane.Jobs.Dequeue();
            lane.Busy = true;
            nextGlobalStart = now + TimeSpan.FromSeconds(1 / settings.MaxMessagesPerSecond);
            inFlight++;
            _ = RunAsync(job, stoppingToken);
        }

        return null;
    }

    private async Task RunAsync(SendJob job, CancellationToken stoppingToken)
    {
        job.Attempts++;
        try
        {
            await job.Send(stoppingToken);
            events.Writer.TryWrite(new SendEvent.Finished(job, DeliveryResult.Delivered));
        }
        catch (Exception ex) when (SendFailure.IsRateLimit(ex, out var retryAfter))
        {
            LogRateLimited(logger, job.ChatId, retryAfter.TotalSeconds);
            events.Writer.TryWrite(new SendEvent.Retry(job, retryAfter, Everyone: true));
        }
        catch (Exception ex) when (SendFailure.IsUnreachable(ex))
        {
            events.Writer.TryWrite(new SendEvent.Finished(job, DeliveryResult.Unreachable));
            await MarkUnreachableAsync(job.ChatId, ex.Message);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested && SendFailure.IsTransient(ex) && job.Attempts < options.Value.MaxSendAttempts)
        {
            var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, job.Attempts - 1)));
            LogRetrying(logger, ex, job.ChatId, job.Attempts, backoff.TotalSeconds);
            events.Writer.TryWrite(new SendEvent.Retry(job, backoff, Everyone: false));
        }
        catch (Exception ex)
        {
            LogGaveUp(logger, ex, job.ChatId, job.Attempts);
            events.Writer.TryWrite(new SendEvent.Finished(job, DeliveryResult.Failed));
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
            case SendEvent.Finished(var job, var result):
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
                inFlight--;
                if (everyone) job.Attempts--; // being told to wait is not a failed attempt
                var retryLane = Lane(job.ChatId);
                retryLane.Busy = false;
                var until = time.GetUtcNow() + delay;
                retryLane.NextAllowed = Max(retryLane.NextAllowed, until, DateTimeOffset.MinValue);
                if (everyone) pausedUntil = Max(pausedUntil, until, DateTimeOffset.MinValue);
                Requeue(retryLane, job);
                Schedule(retryLane);
                break;
        }
    }

    private void Schedule(ChatLane lane, SendJob? add = null)
    {
        if (add is not null) lane.Jobs.Enqueue(add);
        if (lane.Busy || lane.Scheduled || lane.Jobs.Count == 0) return;
        lane.Scheduled = true;
        ready.Enqueue(lane, lane.NextAllowed);
    }

    // The retried send goes first again, so the chat's messages keep their order.
    private static void Requeue(ChatLane lane, SendJob job)
    {
        var rest = lane.Jobs.ToArray();
        lane.Jobs.Clear();
        lane.Jobs.Enqueue(job);
        foreach (var queued in rest) lane.Jobs.Enqueue(queued);
    }

    private TimeSpan Interval(SendJob job) => job.IsGroup ? options.Value.GroupChatInterval : options.Value.PrivateChatInterval;

    private ChatLane Lane(long chatId)
    {
        if (!lanes.TryGetValue(chatId, out var lane)) lanes[chatId] = lane = new ChatLane(chatId);
        return lane;
    }

    // Waits for an event or the next start time. The read wait lives on across loops (cancelled only when stopping),
    // so being woken by the timer throws nothing; the timer is rounded up to whole milliseconds, because timers
    // fire on millisecond ticks and a shorter wait would only spin the loop until the start time comes.
    private async Task WaitAsync(TimeSpan? delay, CancellationToken stoppingToken)
    {
        if (events.Reader.TryPeek(out _)) return;
        pendingRead ??= events.Reader.WaitToReadAsync(stoppingToken).AsTask();
        if (delay is { } d)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var wholeMilliseconds = TimeSpan.FromMilliseconds(Math.Ceiling(d.TotalMilliseconds) + 1);
            await Task.WhenAny(pendingRead, Task.Delay(wholeMilliseconds, time, timer.Token));
            await timer.CancelAsync();
        }
        else
        {
            await Task.WhenAny(pendingRead);
        }

        if (pendingRead.IsCompleted) pendingRead = null;
        stoppingToken.ThrowIfCancellationRequested();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b, DateTimeOffset c) =>
        new(Math.Max(Math.Max(a.UtcTicks, b.UtcTicks), c.UtcTicks), TimeSpan.Zero);
}
