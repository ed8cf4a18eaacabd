using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using ReferralBot.Channels.Telegram.Concurrency;

namespace ReferralBot.Telegram.Tests.Concurrency;

public sealed class PreciseTimerTests
{
    [Fact]
    public async Task Waits_end_in_the_order_they_fall_due_and_none_before_its_time()
    {
        using var timer = new PreciseTimer(TimeProvider.System);
        var ended = new ConcurrentQueue<int>();
        var start = Stopwatch.GetTimestamp();
        var early = new ConcurrentBag<string>();

        async Task WaitAsync(int milliseconds)
        {
            await timer.DelayAsync(TimeSpan.FromMilliseconds(milliseconds));
            var waited = Stopwatch.GetElapsedTime(start);
            if (waited < TimeSpan.FromMilliseconds(milliseconds)) early.Add($"{milliseconds} ms ended after {waited.TotalMilliseconds} ms");
            ended.Enqueue(milliseconds);
        }

        await Task.WhenAll(WaitAsync(90), WaitAsync(30), WaitAsync(60), WaitAsync(1));

        Assert.Empty(early);
        Assert.Equal([1, 30, 60, 90], ended);
    }

    [Fact]
    public async Task A_wait_that_is_not_positive_ends_at_once_and_a_cancelled_one_ends_cancelled()
    {
        using var timer = new PreciseTimer(TimeProvider.System);
        Assert.True(timer.DelayAsync(TimeSpan.Zero).IsCompletedSuccessfully);
        Assert.True(timer.DelayAsync(TimeSpan.FromMilliseconds(-5)).IsCompletedSuccessfully);

        using var cancel = new CancellationTokenSource();
        var wait = timer.DelayAsync(TimeSpan.FromHours(1), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task Disposing_ends_the_waits_left_and_refuses_new_ones()
    {
        var timer = new PreciseTimer(TimeProvider.System);
        var wait = timer.DelayAsync(TimeSpan.FromHours(1));

        timer.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Throws<ObjectDisposedException>(() => { _ = timer.DelayAsync(TimeSpan.FromSeconds(1)); });
    }

    [Fact]
    public void With_a_fake_clock_a_wait_ends_when_that_clock_has_moved_on()
    {
        var clock = new FakeTimeProvider();
        using var timer = new PreciseTimer(clock);

        var wait = timer.DelayAsync(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(wait.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));

        Assert.True(wait.IsCompletedSuccessfully);
    }
}
