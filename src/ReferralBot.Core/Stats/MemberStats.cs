namespace ReferralBot.Core.Stats;

/// <summary>
/// A member's tallies in one campaign (<see cref="Views"/> of their landing page, where the campaign has pages). Money is in <see cref="Currency"/>: <see cref="Earnings"/> is earned less refunds,
/// <see cref="Payable"/> what of it is past its hold and not paid out yet. Tiers are an influencer's.
/// </summary>
public sealed record MemberStats(
    int Views,
    int Clicks,
    DateTime? LastClickAt,
    int SignUps,
    DateTime? LastSignUpAt,
    int Purchases,
    decimal Revenue,
    decimal Earnings,
    decimal Payable,
    string Currency,
    string? Tier,
    string? NextTier,
    int? PurchasesToNextTier,
    int CardsPosted)
{
    /// <summary>Purchases per click, in percent; null before the first click.</summary>
    public decimal? ConversionPercent => Clicks == 0 ? null : Math.Round(100m * Purchases / Clicks, 1);
}
