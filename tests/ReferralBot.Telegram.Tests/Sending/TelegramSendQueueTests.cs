using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReferralBot.Channels.Telegram.Sending;
using ReferralBot.Channels.Telegram.Setup;
using ReferralBot.Core.Members;
using ReferralBot.Core.Outbound;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace ReferralBot.Telegram.Tests.Sending;

/// <summary>The scheduler alone, on a fake clock: every timestamp below is the clock's, so the checks are exact.</summary>
public sealed class TelegramSendQueueTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<(long Chat, int Number, DateTimeOffset At)> sent = new();
    private readonly TelegramSendQueue queue;

    public TelegramSendQueueTests()
    {
        var reachability = new Reachability(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<Reachability>.Instance);
        queue = new TelegramSendQueue(Options.Create(new TelegramOptions()), reachability, clock, NullLogger<TelegramSendQueue>.Instance);
    }

    public Task InitializeAsync() => queue.StartAsync(CancellationToken.None);

    public Task DisposeAsync() => queue.StopAsync(CancellationToken.None);

    public void Dispose() => queue.Dispose();

    [Fact]
    public async Task Sends_keep_one_per_second_per_chat_three_seconds_per_group_thirty_per_second_overall_and_their_order()
    {
        var chats = Enumerable.Range(1, 40).Select(i => (long)i).Append(-100).ToList();
        var jobs = chats.SelectMany(chat => Enumerable.Range(1, 3).Select(n => queue.EnqueueAsync(chat, Record(chat, n)))).ToList();

        await RunClockUntilAsync(Task.WhenAll(jobs));

        Assert.All(await Task.WhenAll(jobs), r => Assert.Equal(DeliveryResult.Delivered, r));
        foreach (var chat in chats)
        {
            var times = sent.Where(s => s.Chat == chat).ToList();
            Assert.Equal([1, 2, 3], times.Select(t => t.Number));
            var gap = chat < 0 ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(1);
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= gap));
        }

        var all = sent.Select(s => s.At).OrderBy(t => t).ToList();
        Assert.All(all, t => Assert.True(all.Count(o => o >= t && o < t.AddSeconds(1)) <= 30));
    }

    [Fact]
    public async Task A_429_pauses_every_chat_for_retry_after_and_the_message_goes_out_afterwards()
    {
        var refusedAt = DateTimeOffset.MinValue;
        var first = queue.EnqueueAsync(1, ct =>
        {
            if (refusedAt == DateTimeOffset.MinValue)
            {
                refusedAt = clock.GetUtcNow();
                throw new ApiRequestException("Too Many Requests: retry after 5", 429, new ResponseParameters { RetryAfter = 5 });
            }

            return Record(1, 1)(ct);
        });
        var others = Enumerable.Range(2, 5).Select(chat => queue.EnqueueAsync(chat, Record(chat, 1))).ToList();

        await RunClockUntilAsync(Task.WhenAll(others.Append(first)));

        Assert.Equal(DeliveryResult.Delivered, await first);
        Assert.All(sent, s => Assert.True(s.At >= refusedAt.AddSeconds(5) || s.At <= refusedAt.AddMilliseconds(200)));
        Assert.Single(sent, s => s.Chat == 1);
    }

    [Fact]
    public async Task Server_errors_are_tried_again_with_backoff_and_a_403_ends_the_chats_queue()
    {
        var failures = 0;
        var flaky = queue.EnqueueAsync(1, ct => ++failures <= 2
            ? throw new ApiRequestException("Bad Gateway", 502)
            : Record(1, 1)(ct));
        // The 403 comes back only once the next message for that chat is queued behind it (on a busy machine the
        // refusal could otherwise come back first, and the later message would rightly go out).
        var queuedAlready = new TaskCompletionSource();
        var blocked = queue.EnqueueAsync(2, async _ =>
        {
            await queuedAlready.Task;
            throw new ApiRequestException("Forbidden: bot was blocked by the user", 403);
        });
        var queuedBehind = queue.EnqueueAsync(2, Record(2, 2));
        queuedAlready.SetResult();

        await RunClockUntilAsync(Task.WhenAll(flaky, blocked, queuedBehind));

        Assert.Equal(DeliveryResult.Delivered, await flaky);
        Assert.Equal(3, failures);
        Assert.Equal(DeliveryResult.Unreachable, await blocked);
        Assert.Equal(DeliveryResult.Unreachable, await queuedBehind);
        Assert.DoesNotContain(sent, s => s.Chat == 2);
    }

    [Fact]
    public async Task Thirty_a_second_is_kept_on_the_times_requests_leave_even_when_they_leave_a_varying_time_after_starting()
    {
        var wired = new ConcurrentQueue<DateTimeOffset>();
        // Before its request leaves, each send waits 0–89 ms (the outbox's claim, building the request), as in the service.
        var jobs = Enumerable.Range(1, 120).Select(chat => queue.EnqueueAsync(chat, async ct =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(chat * 37 % 90), clock, ct);
            queue.OnWire(); // what the wire clock does as the request's first bytes are written
            wired.Enqueue(clock.GetUtcNow());
        })).ToList();

        await RunClockUntilAsync(Task.WhenAll(jobs), TimeSpan.FromMilliseconds(10));

        var times = wired.OrderBy(t => t).ToList();
        Assert.Equal(120, times.Count);
        Assert.All(times, t => Assert.True(times.Count(o => o >= t && o < t.AddSeconds(1.010)) <= 30, $"more than 30 left in the 1.010 s from {t:ss.fff}"));
        // And the limit is used: 120 sends take 119 even slots (4.01 s) and what the slowest requests' way to the wire
        // holds up the sends thirty after them, on a clock moved 10 ms at a time; not the 4.76 s one per 40 ms would.
        Assert.True(times[^1] - times[0] < TimeSpan.FromSeconds(4.6), $"120 sends took {(times[^1] - times[0]).TotalSeconds} s");
    }

    [Fact]
    public async Task Sends_start_evenly_spaced_so_thirty_queued_at_once_are_no_burst()
    {
        var started = new ConcurrentQueue<DateTimeOffset>();
        var jobs = Enumerable.Range(1, 60).Select(chat => queue.EnqueueAsync(chat, _ =>
        {
            started.Enqueue(clock.GetUtcNow());
            return Task.CompletedTask;
        })).ToList();

        await RunClockUntilAsync(Task.WhenAll(jobs), TimeSpan.FromMilliseconds(1));

        // A second and the 10 ms margin over thirty: each start on its slot, 33.67 ms apart, the first at once; sixty
        // take two seconds, as thirty a second allows, and not more. The clock moves a millisecond at a time and, on a
        // busy machine, the queue may see some steps late: a start may be a few milliseconds late, never early, and a
        // late one does not push the slots after it back. No two starts come together.
        var times = started.OrderBy(t => t).ToList();
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), times[0]);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True((pair.Second - pair.First).TotalMilliseconds >= 20, $"{pair.First:ss.fff} then {pair.Second:ss.fff}"));
        Assert.All(times.Select((t, i) => (t - times[0]).TotalMilliseconds - i * 1010.0 / 30), late => Assert.InRange(late, 0, 12));
    }

    [Fact]
    public async Task A_send_starts_once_the_send_thirty_back_went_on_the_wire_a_second_and_the_margin_ago()
    {
        // Thirty sends that take 200 ms to reach the wire (a new connection on a busy machine, say); the 31st is ready at once.
        var started = new ConcurrentDictionary<long, DateTimeOffset>();
        var wired = new ConcurrentDictionary<long, DateTimeOffset>();
        Func<CancellationToken, Task> Send(long chat, TimeSpan ready) => async ct =>
        {
            started[chat] = clock.GetUtcNow();
            await Task.Delay(ready, clock, ct);
            queue.OnWire();
            wired[chat] = clock.GetUtcNow();
        };
        var firstWindow = Enumerable.Range(1, 30).Select(chat => queue.EnqueueAsync(chat, Send(chat, TimeSpan.FromMilliseconds(200)))).ToList();
        await RunClockUntilAsync(Task.WhenAll(firstWindow), TimeSpan.FromMilliseconds(1));
        var last = queue.EnqueueAsync(31, Send(31, TimeSpan.Zero));
        await RunClockUntilAsync(last, TimeSpan.FromMilliseconds(1));

        // Its even slot came 1,010 ms after the first started; it waits until 1,010 ms after the first left instead
        // (the window's second and its 10 ms margin), and not much longer.
        var firstLeft = wired.Where(w => w.Key <= 30).Min(w => w.Value);
        Assert.InRange(started[31] - firstLeft, TimeSpan.FromMilliseconds(1010), TimeSpan.FromMilliseconds(1050));
    }

    [Fact]
    public async Task A_send_that_never_succeeds_is_given_up_after_the_attempt_limit()
    {
        var attempts = 0;
        var doomed = queue.EnqueueAsync(1, _ =>
        {
            attempts++;
            throw new HttpRequestException("connection refused");
        });

        await RunClockUntilAsync(doomed);

        Assert.Equal(DeliveryResult.Failed, await doomed);
        Assert.Equal(new TelegramOptions().MaxSendAttempts, attempts);
    }

    private Func<CancellationToken, Task> Record(long chat, int number) => _ =>
    {
        sent.Enqueue((chat, number, clock.GetUtcNow()));
        return Task.CompletedTask;
    };

    // Moves the fake clock on in small steps (50 ms unless given), giving the scheduler's loop a moment to act after each.
    private async Task RunClockUntilAsync(Task done, TimeSpan? step = null)
    {
        var by = step ?? TimeSpan.FromMilliseconds(50);
        for (var i = 0; i < 4_000 && !done.IsCompleted; i++)
        {
            await Task.Delay(1);
            clock.Advance(by);
        }

        Assert.True(done.IsCompleted, $"The queue did not finish within {(by * 4_000).TotalSeconds} s of fake time.");
    }
}
