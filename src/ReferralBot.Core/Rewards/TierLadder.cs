using ReferralBot.Core.Campaigns;

namespace ReferralBot.Core.Rewards;

/// <summary>A campaign's tiers in order, and where a purchase count stands on them.</summary>
public sealed class TierLadder(IEnumerable<Tier> tiers, decimal baseCommissionPercent)
{
    private readonly List<Tier> ordered = tiers.OrderBy(t => t.MinPurchases).ToList();

    /// <summary>The highest tier reached with <paramref name="purchases"/>; null on an empty ladder.</summary>
    public Tier? At(int purchases) => ordered.LastOrDefault(t => t.MinPurchases <= purchases);

    public Tier? After(int purchases) => ordered.FirstOrDefault(t => t.MinPurchases > purchases);

    /// <summary>The campaign's base rate, raised by the tier when the tier pays more.</summary>
    public decimal RateAt(int purchases) => Math.Max(baseCommissionPercent, At(purchases)?.CommissionPercent ?? 0m);
}
