namespace ReferralBot.Core.Campaigns;

/// <summary>A reward tier: from <see cref="MinPurchases"/> confirmed purchases on, influencers earn <see cref="CommissionPercent"/>.</summary>
public sealed class Tier
{
    public int Id { get; private set; }
    public int CampaignId { get; init; }
    public required string Name { get; set; }
    public int MinPurchases { get; set; }
    public decimal CommissionPercent { get; set; }

    /// <summary>Bronze 0 (10%), Silver 10 (15%), Gold 50 (20%): what every new campaign starts with.</summary>
    public static IReadOnlyList<Tier> DefaultLadder(int campaignId) =>
    [
        new() { CampaignId = campaignId, Name = "Bronze", MinPurchases = 0, CommissionPercent = 10m },
        new() { CampaignId = campaignId, Name = "Silver", MinPurchases = 10, CommissionPercent = 15m },
        new() { CampaignId = campaignId, Name = "Gold", MinPurchases = 50, CommissionPercent = 20m },
    ];
}
