namespace ReferralBot.Core.Experiments;

/// <summary>
/// What one variant's sharers brought since each met it: page views and unique clicks on their links, sign-ups
/// through their codes, the sign-ups who went on to buy, credited purchases, their revenue and cost (rewards and
/// discounts), and how many sharers brought at least one sign-up.
/// </summary>
public sealed record VariantResult(
    ExperimentVariant Variant,
    int Exposed,
    int PageViews,
    int Clicks,
    int SignUps,
    int BuyingSignUps,
    int Purchases,
    decimal Revenue,
    decimal Cost,
    int ActiveSharers)
{
    public decimal? RevenuePerExposed => Exposed == 0 ? null : Math.Round(Revenue / Exposed, 2);

    public decimal? CostPerAcquisition => Purchases == 0 ? null : Math.Round(Cost / Purchases, 2);
}
