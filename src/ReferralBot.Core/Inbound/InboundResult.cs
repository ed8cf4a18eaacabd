using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Inbound;

/// <summary>What became of a delivery: its replies, stored for the channel to send, or nothing for one seen before.</summary>
public sealed record InboundResult(IReadOnlyList<Reply> Replies, bool Duplicate = false)
{
    public static readonly InboundResult SeenBefore = new([], Duplicate: true);
}
