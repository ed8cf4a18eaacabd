using System.Diagnostics;

namespace ReferralBot.Channels.Telegram.Concurrency;

/// <summary>
/// Waits that must end on time, to the millisecond. The runtime's timers (Task.Delay, System.Threading.Timer) count
/// in the kernel's coarse clock, whose ticks are 4 ms here: on this Linux machine Task.Delay ended 2.4 ms late at the
/// median and 6.7 ms at p90. A thread blocked with a timeout wakes within about a millisecond, so one sleeper thread
/// (started on the first wait) ends every wait. With any clock but the system's (a test's fake clock), waits are that
/// clock's own timers.
/// </summary>
internal sealed class PreciseTimer(TimeProvider time) : IDisposable
{
    private readonly PriorityQueue<TaskCompletionSource, long> waits = new();
    private readonly object gate = new();
    private Thread? sleeper;
    private bool disposed;

    /// <summary>Completes once <paramref name="delay"/> has passed (at once if it is not positive).</summary>
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken = default)
    {
        if (delay <= TimeSpan.Zero) return Task.CompletedTask;
        if (time != TimeProvider.System) return Task.Delay(delay, time, cancellationToken);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var due = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            waits.Enqueue(done, due);
            sleeper ??= StartSleeper();
            Monitor.Pulse(gate);
        }

        // A cancelled wait ends now; its place in the queue just lapses when it falls due.
        return cancellationToken.CanBeCanceled ? done.Task.WaitAsync(cancellationToken) : done.Task;
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            Monitor.Pulse(gate);
        }
    }

    private Thread StartSleeper()
    {
        var thread = new Thread(Sleep) { IsBackground = true, Name = "Precise timer" };
        thread.Start();
        return thread;
    }

    private void Sleep()
    {
        lock (gate)
        {
            while (!disposed)
            {
                if (!waits.TryPeek(out var next, out var due))
                {
                    Monitor.Wait(gate);
                    continue;
                }

                var left = due - Stopwatch.GetTimestamp();
                if (left <= 0)
                {
                    waits.Dequeue();
                    next.TrySetResult();
                    continue;
                }

                // Rounded up: a wait rounded down would wake before its time and only spin.
                Monitor.Wait(gate, (int)Math.Ceiling(left * 1000.0 / Stopwatch.Frequency));
            }

            while (waits.TryDequeue(out var abandoned, out _)) abandoned.TrySetCanceled();
        }
    }
}
