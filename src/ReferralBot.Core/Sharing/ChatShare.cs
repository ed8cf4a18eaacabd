namespace ReferralBot.Core.Sharing;

/// <summary>
/// A member's card posted to a chat (Telegram reports the inline result chosen, where inline feedback is on). Kept
/// once per report: the channel's id for it is unique.
/// </summary>
public sealed class ChatShare
{
    public long Id { get; private set; }
    public int MemberId { get; init; }
    public int CampaignId { get; init; }
    public required string Channel { get; init; }
    public required string DeliveryId { get; init; }
    public DateTime OccurredAt { get; init; }
}
