namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// Telegram's overall limit, about 30 messages in any second, kept two ways. Sends start evenly spaced, a second and a
/// margin over <c>limit</c> apart, so there is never a burst. And as a sliding window over the times our requests went on
/// the wire: a send may start once the send <c>limit</c> places back went out a second and the margin ago. A send started
/// but not yet on the wire holds its place as if it had just gone. Only the send queue's loop uses it, so it needs no
/// locks.
/// </summary>
/// <remarks>
/// The window alone let thirty sends start at once after a pause. The thirty went out within a few milliseconds
/// by our clock, but the other side read them spread over a longer time (new connections, a busy core), and then the
/// next thirty, on warm connections, were read less than a second after the last of the first thirty. Evenly spaced sends
/// leave each request its share of the second for such delays. The window still holds when requests take long to
/// reach the wire. The margin is for what lies between our clock and Telegram's (bench/results.md, part 3).
/// </remarks>
internal sealed class SendWindow(int limit, TimeSpan window, TimeSpan margin)
{
    private readonly TimeSpan spacing = (window + margin) / limit;
    // The latest wire times, oldest first (a send that never reached the wire counts at its start, which may be earlier).
    private readonly List<DateTimeOffset> wired = [];
    private int onTheirWay;
    private DateTimeOffset nextSlot = DateTimeOffset.MinValue;

    /// <summary>When the next send may start: at once (<see cref="DateTimeOffset.MinValue"/>), at a time, or null while
    /// the sends on their way fill every place (the next of them to reach the wire makes room).</summary>
    public DateTimeOffset? NextStart()
    {
        var places = limit - onTheirWay;
        if (places <= 0) return null;
        var windowOpens = wired.Count < places ? DateTimeOffset.MinValue : wired[^places] + window + margin;
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

    /// <summary>A started send reached the wire at <paramref name="at"/> (or ended without reaching it: then its start time).</summary>
    public void Wired(DateTimeOffset at)
    {
        onTheirWay--;
        var index = wired.BinarySearch(at);
        wired.Insert(index < 0 ? ~index : index, at);
        if (wired.Count > limit) wired.RemoveAt(0);
    }
}
