namespace ReferralBot.Core.Rewards;

/// <summary>
/// An influencer reached a tier. Recorded once per member and tier (unique), by the purchase that crossed it;
/// the nudges send the congratulation.
/// </summary>
public sealed class TierEvent
{
    public long Id { get; private set; }
    public int CampaignId { get; init; }
    public int MemberId { get; init; }
    public required string TierName { get; init; }
    public decimal CommissionPercent { get; init; }
    public int Purchases { get; init; }
    public required string OrderId { get; init; }
    public DateTime OccurredAt { get; init; }
}
