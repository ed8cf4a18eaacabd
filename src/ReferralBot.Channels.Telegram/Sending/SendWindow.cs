namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// When the send queue's loop starts sends, for Telegram's overall limit of about 30 messages in any second. Sends start
/// evenly spaced, a second and a margin over <c>limit</c> apart, so there is never a burst. And a send starts no sooner
/// than its request can go on the wire: when the request <c>limit</c> places back went out a second and the margin ago,
/// less the way from start to wire that three in four of the last <c>limit</c> sends took at most (a send started but
/// not yet on the wire holds its place as if it had just gone). <see cref="WireWindow"/> holds the request itself until
/// that time, for one that got there faster. Only the loop uses it, so it needs no locks.
/// </summary>
/// <remarks>
/// Evenly spaced: thirty sends started at once after a pause went out within a few milliseconds by our clock, but the
/// other side read them spread over a longer time (new connections, a busy core), and the next thirty, on warm
/// connections, less than a second after the last of them. Evenly spaced sends leave each its share of the second.
/// Less the way: a send waiting for the request a window back to be on the wire, and then making its own way there,
/// spends a second and that way on every thirty (29.3 a second for a 14 ms way). Not the longest way: a started send is
/// recorded as being sent, and one that waits at the wire, ready, is lost if the service is killed meanwhile; with the
/// longest way ever seen (a stall), every later send would wait that long at the wire. Not the shortest: a send whose
/// way was longer than that adds the difference to every thirty.
/// </remarks>
internal sealed class SendWindow(int limit, TimeSpan window, TimeSpan margin)
{
    private readonly TimeSpan spacing = (window + margin) / limit;
    // The latest wire times, oldest first, and each one's way from its start (0 for a send that never reached the wire,
    // which counts at its start).
    private readonly List<(DateTimeOffset At, TimeSpan Way)> wired = [];
    private int onTheirWay;
    private DateTimeOffset nextSlot = DateTimeOffset.MinValue;

    /// <summary>When the next send may start: at once (<see cref="DateTimeOffset.MinValue"/>), at a time, or null while
    /// the sends on their way fill every place (the next of them to reach the wire makes room).</summary>
    public DateTimeOffset? NextStart()
    {
        var places = limit - onTheirWay;
        if (places <= 0) return null;
        if (wired.Count < places) return nextSlot;
        var ways = wired.Select(w => w.Way).Order().ToList();
        var windowOpens = wired[^places].At + window + margin - ways[ways.Count * 3 / 4];
        return windowOpens > nextSlot ? windowOpens : nextSlot;
    }

    /// <summary>A send started at <paramref name="at"/> (no sooner than <see cref="NextStart"/>).</summary>
    public void Started(DateTimeOffset at)
    {
        onTheirWay++;
        // The next slot follows this send's slot, not its start: a send started a timer tick late does not push every
        // later one back. After a pause the slots start again from now.
        var slot = at - nextSlot < spacing ? nextSlot : at;
        nextSlot = slot + spacing;
    }

    /// <summary>A send started at <paramref name="startedAt"/> reached the wire at <paramref name="at"/> (or ended
    /// without reaching it: then both are its start).</summary>
    public void Wired(DateTimeOffset startedAt, DateTimeOffset at)
    {
        onTheirWay--;
        var entry = (at, at - startedAt);
        var index = wired.FindLastIndex(w => w.At <= at) + 1;
        wired.Insert(index, entry);
        if (wired.Count > limit) wired.RemoveAt(0);
    }
}
