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
    public async Task A_request_still_on_its_way_when_a_429_comes_waits_out_the_pause_at_the_wire()
    {
        // Chat 1's answer, a 429, takes 100 ms to come back; chat 2's send started meanwhile, and its request takes 200 ms
        // to be ready, so it reaches the wire after the 429 is known. Telegram would count it: it waits out the pause.
        var refusedAt = DateTimeOffset.MinValue;
        var first = queue.EnqueueAsync(1, async ct =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
            if (refusedAt != DateTimeOffset.MinValue) return;
            refusedAt = clock.GetUtcNow();
            throw new ApiRequestException("Too Many Requests: retry after 5", 429, new ResponseParameters { RetryAfter = 5 });
        });
        var wired = new ConcurrentQueue<DateTimeOffset>();
        var second = queue.EnqueueAsync(2, ReachesTheWireAfter(TimeSpan.FromMilliseconds(200), wired.Enqueue));

        await RunClockUntilAsync(Task.WhenAll(first, second), TimeSpan.FromMilliseconds(10));

        var left = Assert.Single(wired);
        Assert.True(left >= refusedAt.AddSeconds(5), $"left {(left - refusedAt).TotalMilliseconds} ms after the 429");
    }

    [Fact]
    public async Task A_send_refused_with_a_429_goes_first_after_the_pause_not_after_chats_queued_meanwhile()
    {
        // Chat 1 is refused; while it was on its way, sixty more chats were queued.
        var others = new List<Task<DeliveryResult>>();
        var refused = false;
        var first = queue.EnqueueAsync(1, ct =>
        {
            if (refused) return Record(1, 1)(ct);
            refused = true;
            others.AddRange(Enumerable.Range(2, 60).Select(chat => queue.EnqueueAsync(chat, Record(chat, 1))));
            throw new ApiRequestException("Too Many Requests: retry after 1", 429, new ResponseParameters { RetryAfter = 1 });
        });

        await RunClockUntilAsync(first, TimeSpan.FromMilliseconds(10));
        await RunClockUntilAsync(Task.WhenAll(others), TimeSpan.FromMilliseconds(10));

        Assert.Equal(1, sent.OrderBy(s => s.At).First().Chat);
        Assert.Equal(61, sent.Count);
    }

    [Fact]
    public async Task A_send_the_outbox_withdraws_ends_at_once_untried_and_the_chats_next_message_goes()
    {
        var attempts = 0;
        var withdrawn = queue.EnqueueAsync(1, _ =>
        {
            attempts++;
            throw new SendWithdrawnException();
        });
        var next = queue.EnqueueAsync(1, Record(1, 2));

        await RunClockUntilAsync(Task.WhenAll(withdrawn, next));

        Assert.Equal(DeliveryResult.Failed, await withdrawn);
        Assert.Equal(1, attempts);
        Assert.Equal(DeliveryResult.Delivered, await next);
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
        var jobs = Enumerable.Range(1, 120)
            .Select(chat => queue.EnqueueAsync(chat, ReachesTheWireAfter(TimeSpan.FromMilliseconds(chat * 37 % 90), wired.Enqueue))).ToList();

        await RunClockUntilAsync(Task.WhenAll(jobs), TimeSpan.FromMilliseconds(10));

        var times = wired.OrderBy(t => t).ToList();
        Assert.Equal(120, times.Count);
        AssertAtMostThirtyLeftInAnyWindow(times);
        // And the limit is used: 120 sends take 119 even slots (4.006 s), and what the slowest requests' way to the wire
        // holds up the sends thirty after them, on a clock moved 10 ms at a time; not the 4.76 s one per 40 ms would.
        Assert.True(times[^1] - times[0] < TimeSpan.FromSeconds(4.2), $"120 sends took {(times[^1] - times[0]).TotalSeconds} s");
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
        var start = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True((pair.Second - pair.First).TotalMilliseconds >= 20, $"{pair.First:ss.fff} then {pair.Second:ss.fff}"));
        Assert.All(times.Select((t, i) => (t - start).TotalMilliseconds - i * 1010.0 / 30), late => Assert.InRange(late, 0, 12));
    }

    [Fact]
    public async Task A_request_leaves_once_the_request_thirty_back_went_on_the_wire_a_second_and_the_margin_ago()
    {
        // Thirty sends whose requests take 200 ms to reach the wire (a new connection on a busy machine, say), then one
        // whose request is ready at once (a warm connection).
        var started = new ConcurrentDictionary<int, DateTimeOffset>();
        var wired = new ConcurrentDictionary<int, DateTimeOffset>();
        var count = 0;
        var jobs = Enumerable.Range(1, 31).Select(chat => queue.EnqueueAsync(chat, async ct =>
        {
            var nth = Interlocked.Increment(ref count); // the order they start in
            started[nth] = clock.GetUtcNow();
            await Task.Delay(TimeSpan.FromMilliseconds(nth <= 30 ? 200 : 0), clock, ct);
            Assert.True(await queue.EnterWireAsync(ct));
            wired[nth] = clock.GetUtcNow();
            queue.LeftWire();
        })).ToList();
        await RunClockUntilAsync(Task.WhenAll(jobs), TimeSpan.FromMilliseconds(1));

        // The 31st starts on its even slot, 1,010 ms after the first started, and its request, ready at once, leaves
        // before the last few of the slow ones: the window counts requests in the order they reach the wire. Whichever
        // comes 31st to the wire (the slowest's) waits until 1,010 ms after the first left (the window's second and its
        // 10 ms margin), and not much longer.
        Assert.InRange(started[31] - started[1], TimeSpan.FromMilliseconds(1010), TimeSpan.FromMilliseconds(1030));
        Assert.True(wired[31] < wired[30], "the ready request went before the slow ones");
        var times = wired.Values.Order().ToList();
        Assert.InRange(times[30] - times[0], TimeSpan.FromMilliseconds(1010), TimeSpan.FromMilliseconds(1030));
        Assert.True(times[30] - started[30] > TimeSpan.FromMilliseconds(220), "the last request waited");
    }

    [Fact]
    public async Task Requests_that_take_a_while_to_reach_the_wire_still_leave_at_the_even_pace()
    {
        // Every request takes 40 ms from its send's start to the wire. Ninety sends take 89 even slots (2.996 s), whatever
        // that way is: the window on the wire holds nothing back when each request took as long as the one thirty
        // before it (checked at the send's start instead, each thirty would wait a second, the margin and the way).
        var wired = new ConcurrentQueue<DateTimeOffset>();
        var jobs = Enumerable.Range(1, 90).Select(chat => queue.EnqueueAsync(chat, ReachesTheWireAfter(TimeSpan.FromMilliseconds(40), wired.Enqueue))).ToList();
        // Five-millisecond steps: each request may leave up to one step late, well inside the 50 ms the span allows.
        await RunClockUntilAsync(Task.WhenAll(jobs), TimeSpan.FromMilliseconds(5));

        var times = wired.OrderBy(t => t).ToList();
        AssertAtMostThirtyLeftInAnyWindow(times);
        Assert.InRange(times[^1] - times[0], TimeSpan.FromMilliseconds(2990), TimeSpan.FromMilliseconds(3040));
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

    // A send whose request takes `way` on the fake clock to be ready, then does what the wire clock does around its
    // first write, reporting when it left.
    private Func<CancellationToken, Task> ReachesTheWireAfter(TimeSpan way, Action<DateTimeOffset> left) => async ct =>
    {
        await Task.Delay(way, clock, ct);
        Assert.True(await queue.EnterWireAsync(ct));
        left(clock.GetUtcNow());
        queue.LeftWire();
    };

    private static void AssertAtMostThirtyLeftInAnyWindow(List<DateTimeOffset> times) =>
        Assert.All(times, t => Assert.True(times.Count(o => o >= t && o < t.AddSeconds(1.010)) <= 30, $"more than 30 left in the 1.010 s from {t:ss.fff}"));

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
