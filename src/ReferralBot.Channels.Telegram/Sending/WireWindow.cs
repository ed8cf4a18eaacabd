namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// Telegram's overall limit, about 30 messages in any second, kept as a sliding window over the times our requests
/// went on the wire: a send's request is written once the request <c>limit</c> places back went out a second and the
/// margin ago, and waits here, ready, until then. A request being written holds its place as if it had just gone.
/// Sends' requests pass it from their own flows, on any thread.
/// </summary>
/// <remarks>
/// <see cref="SendWindow"/> starts each send when its request should be ready just in time, by the ways to the wire of
/// the last sends; this holds back one that got there faster (the thirty before it all made new connections, say), so
/// the window is kept on the wire whatever the ways. The margin is for what lies between our
/// clock and Telegram's (bench/results.md, part 3).
/// </remarks>
internal sealed class WireWindow(int limit, TimeSpan window, TimeSpan margin, TimeProvider time)
{
    // How long to look again when every place is held by requests being written (they take microseconds).
    private static readonly TimeSpan WritingCheck = TimeSpan.FromMilliseconds(1);
    private readonly Lock gate = new();
    // The latest wire times, oldest first.
    private readonly List<DateTimeOffset> wired = [];
    private int writing;
    // Nothing goes on the wire before this (a 429's retry_after).
    private DateTimeOffset heldUntil = DateTimeOffset.MinValue;

    /// <summary>Waits until a request may be written, and takes its place; <see cref="Left"/> must follow.</summary>
    public async ValueTask EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = time.GetUtcNow();
                var places = limit - writing;
                var opens = places <= 0 ? now + WritingCheck : wired.Count < places ? now : wired[^places] + window + margin;
                if (heldUntil > opens) opens = heldUntil;
                if (opens <= now)
                {
                    writing++;
                    return;
                }

                wait = opens - now;
            }

            // Timers fire on millisecond ticks: a shorter wait would only come back too soon.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken);
        }
    }

    /// <summary>Holds every request not yet on the wire until <paramref name="until"/> (or later, if held longer already).</summary>
    public void HoldUntil(DateTimeOffset until)
    {
        lock (gate)
        {
            if (until > heldUntil) heldUntil = until;
        }
    }

    /// <summary>The request that entered went on the wire (or failed to) at <paramref name="at"/>: from then on, it counts at that time.</summary>
    public void Left(DateTimeOffset at)
    {
        lock (gate)
        {
            writing--;
            var index = wired.BinarySearch(at);
            wired.Insert(index < 0 ? ~index : index, at);
            if (wired.Count > limit) wired.RemoveAt(0);
        }
    }
}
