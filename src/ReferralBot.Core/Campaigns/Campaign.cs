namespace ReferralBot.Core.Campaigns;

public sealed class Campaign
{
    public int Id { get; private set; }
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public required string LandingUrl { get; set; }
    public required string Currency { get; set; }
    public CampaignState State { get; set; } = CampaignState.Active;
    public DateTime CreatedAt { get; init; }

    public bool AcceptsClaims => State == CampaignState.Active;
}
