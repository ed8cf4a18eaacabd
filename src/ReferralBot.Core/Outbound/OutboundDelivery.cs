using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Outbound;

/// <summary>
/// One stored message handed to its channel: its outbox key, the chat and what to say, from request
/// <paramref name="FirstRequest"/> on (those before it went out on an earlier attempt that a crash cut short).
/// </summary>
public sealed record OutboundDelivery(string Key, string ChatId, IReadOnlyList<Reply> Replies, int FirstRequest = 0)
{
    /// <summary>The delivery id of the message this answers (<see cref="Outbox.AddReply"/>); null for anything else.</summary>
    public string? AnswersDelivery => Outbox.AnsweredDelivery(Key);
}
