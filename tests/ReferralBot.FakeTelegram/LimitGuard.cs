namespace ReferralBot.FakeTelegram;

/// <summary>Telegram's send limits: 1 s between sends to a chat (3 s to a group: 20 a minute), 30 sends a second overall.</summary>
internal sealed class LimitGuard
{
    private static readonly TimeSpan PrivateGap = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GroupGap = TimeSpan.FromSeconds(3);
    private const int PerSecond = 30;

    private readonly Lock gate = new();
    private readonly Dictionary<long, DateTimeOffset> lastToChat = [];
    private readonly Queue<DateTimeOffset> lastSecond = new();
    private int violations;

    public int Violations => Volatile.Read(ref violations);

    /// <summary>True if a send to the chat may be accepted at <paramref name="now"/> (it is then counted as accepted).</summary>
    public bool TryAccept(long chatId, DateTimeOffset now)
    {
        lock (gate)
        {
            // Sends clocked by the kernel can be judged a few milliseconds out of their order of arrival, so the queue
            // keeps a spare second and the window is counted, not taken as the queue's length.
            while (lastSecond.TryPeek(out var oldest) && oldest <= now - TimeSpan.FromSeconds(2)) lastSecond.Dequeue();
            var gap = chatId < 0 ? GroupGap : PrivateGap;
            var tooSoon = lastToChat.TryGetValue(chatId, out var last) && now - last < gap;
            if (tooSoon || lastSecond.Count(at => at > now - TimeSpan.FromSeconds(1)) >= PerSecond)
            {
                violations++;
                return false;
            }

            lastToChat[chatId] = now;
            lastSecond.Enqueue(now);
            return true;
        }
    }
}
