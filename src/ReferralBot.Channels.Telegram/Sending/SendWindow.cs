namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// Telegram's overall limit, about 30 messages in any second, as a sliding window over the times our requests went
/// on the wire: a send may start once the send <c>limit</c> places back went out a second and a margin ago. A send
/// started but not yet on the wire holds its place as if it had just gone. Only the send queue's loop uses it, so it
/// needs no locks.
/// </summary>
/// <remarks>
/// The margin is for what lies between our clock and Telegram's: a request stamped late by a busy core, and the other
/// side's own delays in reading it, which vary by more than a timer tick under load (bench/results.md, part 3). Each
/// send also starts only after its window opens, so the time it takes to reach the wire adds to the spacing rather
/// than eating into it.
/// </remarks>
internal sealed class SendWindow(int limit, TimeSpan window, TimeSpan margin)
{
    // The latest wire times, oldest first (a send that never reached the wire counts at its start, which may be earlier).
    private readonly List<DateTimeOffset> wired = [];
    private int onTheirWay;

    /// <summary>When the next send may start: at once (<see cref="DateTimeOffset.MinValue"/>), at a time, or null while
    /// the sends on their way fill every place (the next of them to reach the wire makes room).</summary>
    public DateTimeOffset? NextStart()
    {
        var places = limit - onTheirWay;
        if (places <= 0) return null;
        if (wired.Count < places) return DateTimeOffset.MinValue;
        return wired[^places] + window + margin;
    }

    public void Started() => onTheirWay++;

    /// <summary>A started send reached the wire at <paramref name="at"/> (or ended without reaching it: then its start time).</summary>
    public void Wired(DateTimeOffset at)
    {
        onTheirWay--;
        var index = wired.BinarySearch(at);
        wired.Insert(index < 0 ? ~index : index, at);
        if (wired.Count > limit) wired.RemoveAt(0);
    }
}
