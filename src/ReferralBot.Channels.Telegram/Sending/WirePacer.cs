namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// Telegram's overall limit (about 30 messages in any second), kept on the times requests reach the wire. Only the send
/// queue's loop uses it, so it needs no locks.
/// </summary>
/// <remarks>
/// <para>
/// Telegram counts messages in any one second, so the limit is a sliding window over the times requests went on the
/// wire: a send may go once the send <c>MaxMessagesPerSecond</c> back went out a second (and a margin) ago, counting
/// sends started but not yet on the wire as just sent. Spacing every send from the last one instead loses a little to
/// each late timer and ends below the limit.
/// </para>
/// <para>
/// A send is ready for the wire a varying few milliseconds after its due start (the loop's timer is up to 7 ms late,
/// then come the outbox's claim and the request's serialisation): started as its window opens, it would reach the
/// wire that much later, and every window would stretch by it (to 1,016 ms at the median: 29.5 sends a second). So
/// each send gets a wire time, starts early by the longest such lead of the last window's sends (at most
/// <see cref="MaxLead"/>), and the wire clock holds its request until that time.
/// </para>
/// <para>
/// Sends with no window to follow (the first ones, or after a pause) go out evenly spaced, a window's worth in a
/// window, so the next windows repeat an even pattern; a send whose window opens after the last send's wire time keeps
/// at least half that spacing from it. A fixed spacing of nine tenths made the pattern a row of tightly spaced sends,
/// and whenever jitter pushed one it pushed every later one: 29.6 sends a second.
/// </para>
/// </remarks>
internal sealed class WirePacer
{
    private static readonly TimeSpan ArrivalMargin = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxLead = TimeSpan.FromMilliseconds(25);
    private readonly Queue<DateTimeOffset> wireTimes = new();
    private readonly Queue<TimeSpan> leads = new();
    private DateTimeOffset lastWire = DateTimeOffset.MinValue; // when the last send started was expected on the wire
    private int startedNotWired;

    /// <summary>
    /// When the next send should start (a lead before its wire time) and when it may reach the wire; null while sends
    /// on their way fill the window (the next of them to reach the wire makes room).
    /// </summary>
    public (DateTimeOffset Start, DateTimeOffset Wire)? Next(double maxMessagesPerSecond)
    {
        var burst = Burst(maxMessagesPerSecond);
        var wiredInWindow = burst - startedNotWired; // the window's other places are taken by sends on their way
        if (wiredInWindow <= 0) return null;
        var window = TimeSpan.FromSeconds(burst / maxMessagesPerSecond) + ArrivalMargin;
        var even = window / burst;
        var windowed = wireTimes.Count >= wiredInWindow ? wireTimes.ElementAt(wireTimes.Count - wiredInWindow) + window : DateTimeOffset.MinValue;
        if (lastWire == DateTimeOffset.MinValue) return (DateTimeOffset.MinValue, DateTimeOffset.MinValue); // nothing sent yet: go now
        var wire = windowed > lastWire ? Later(windowed, lastWire + even / 2) : lastWire + even;
        return (wire - Lead(), wire);
    }

    /// <summary>A send started now, to reach the wire at <paramref name="wire"/> (or as soon as it can, if that has passed).</summary>
    public void Started(DateTimeOffset now, DateTimeOffset wire)
    {
        lastWire = Later(now, wire);
        startedNotWired++;
    }

    /// <summary>
    /// A started send reached the wire at <paramref name="at"/> (or ended without passing the wire clock: then its start
    /// time), <paramref name="lead"/> after its due start if the wire clock saw it.
    /// </summary>
    public void Wired(DateTimeOffset at, TimeSpan? lead, double maxMessagesPerSecond)
    {
        var burst = Burst(maxMessagesPerSecond);
        startedNotWired--;
        wireTimes.Enqueue(at);
        while (wireTimes.Count > burst) wireTimes.Dequeue();
        if (lead is not { } seen) return;
        leads.Enqueue(seen);
        while (leads.Count > burst) leads.Dequeue();
    }

    private static int Burst(double maxMessagesPerSecond) => Math.Max(1, (int)Math.Floor(maxMessagesPerSecond));

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>How long before its wire time the next send starts: the last window's longest lead, at most MaxLead.</summary>
    private TimeSpan Lead()
    {
        var longest = TimeSpan.Zero;
        foreach (var lead in leads) longest = lead > longest ? lead : longest;
        return longest < MaxLead ? longest : MaxLead;
    }
}
