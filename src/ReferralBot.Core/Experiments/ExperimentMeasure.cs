using ReferralBot.Core.Campaigns;

namespace ReferralBot.Core.Experiments;

/// <summary>
/// The measure an experiment is decided on, by what its setting changes: an offer or discount is judged by the sign-ups
/// who buy, a share text by the sign-ups its clicks bring, and what moves sharers (their reward, a nudge, its timing)
/// by the sharers who bring a sign-up.
/// </summary>
public enum ExperimentMeasure
{
    PurchasesPerSignUp,
    SignUpsPerClick,
    SharersWhoBringSignUps,
}

public static class ExperimentMeasures
{
    public static ExperimentMeasure For(string setting) => setting switch
    {
        ExperimentSettings.Offer or ExperimentSettings.Discount => ExperimentMeasure.PurchasesPerSignUp,
        CampaignSettings.ShareText => ExperimentMeasure.SignUpsPerClick,
        _ => ExperimentMeasure.SharersWhoBringSignUps,
    };

    /// <summary>The measure's trials and successes for one variant (successes never above trials).</summary>
    public static VariantCount Count(ExperimentMeasure measure, string label, VariantResult result) => measure switch
    {
        ExperimentMeasure.PurchasesPerSignUp => new(label, result.SignUps, result.BuyingSignUps),
        ExperimentMeasure.SignUpsPerClick => new(label, result.Clicks, Math.Min(result.SignUps, result.Clicks)),
        _ => new(label, result.Exposed, result.ActiveSharers),
    };
}
