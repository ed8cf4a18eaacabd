namespace ReferralBot.Core.Claims;

/// <summary>Who referred whom in a campaign. The first claim wins: one per referred member.</summary>
public sealed class Claim
{
    public int Id { get; private set; }
    public int CampaignId { get; init; }
    public int ReferredMemberId { get; init; }
    public int ReferrerMemberId { get; init; }
    public required string Code { get; init; }
    public ClaimVia Via { get; init; }
    public DateTime ClaimedAt { get; init; }
}
