namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>The messages waiting for one chat, in order, and when that chat may get the next one.</summary>
internal sealed class ChatLane(long chatId)
{
    public long ChatId { get; } = chatId;

    public Queue<SendJob> Jobs { get; } = new();

    public DateTimeOffset NextAllowed { get; set; } = DateTimeOffset.MinValue;

    /// <summary>A send to this chat is under way; the next waits for it (order is kept).</summary>
    public bool Busy { get; set; }

    /// <summary>Waiting in the scheduler's ready queue.</summary>
    public bool Scheduled { get; set; }
}
