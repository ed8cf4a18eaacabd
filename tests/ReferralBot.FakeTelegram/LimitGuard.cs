namespace ReferralBot.FakeTelegram;

/// <summary>Telegram's send limits, judged on arrival: 1 s between sends to a chat (3 s to a group), 30 sends a second overall.</summary>
internal sealed class LimitGuard
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, DateTimeOffset> lastToChat = [];
    private readonly Queue<DateTimeOffset> lastSecond = new();

    public int Violations { get; private set; }

    /// <summary>True if the send may be accepted now (and it is then counted).</summary>
    public bool TryAccept(long chatId, DateTimeOffset now)
    {
        lock (gate)
        {
            while (lastSecond.TryPeek(out var oldest) && oldest <= now.AddSeconds(-1)) lastSecond.Dequeue();
            var gap = chatId < 0 ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(1);
            var tooSoon = lastToChat.TryGetValue(chatId, out var last) && now - last < gap;
            if (tooSoon || lastSecond.Count >= 30)
            {
                Violations++;
                return false;
            }

            lastToChat[chatId] = now;
            lastSecond.Enqueue(now);
            return true;
        }
    }
}
