using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Outbound;

/// <summary>One stored message handed to its channel: its outbox key, the chat and what to say.</summary>
public sealed record OutboundDelivery(string Key, string ChatId, IReadOnlyList<Reply> Replies)
{
    /// <summary>The delivery id of the message this answers (<see cref="Outbox.AddReply"/>); null for anything else.</summary>
    public string? AnswersDelivery => Outbox.AnsweredDelivery(Key);
}
