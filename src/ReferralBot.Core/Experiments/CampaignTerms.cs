using ReferralBot.Core.Campaigns;

namespace ReferralBot.Core.Experiments;

/// <summary>
/// What a sharer's followers are offered and what the sharer is given, as an experiment's variant may set it: the
/// campaign's own values where no experiment (or no variant) says otherwise.
/// </summary>
public sealed record CampaignTerms(
    string? Offer,
    string? Discount,
    decimal? ReferrerReward,
    string? ShareText,
    string? ThankYouTemplate,
    string? ShareAgainTemplate,
    int? ShareAgainDelayHours)
{
    public static CampaignTerms Of(Campaign campaign) => new(
        campaign.Offer, campaign.Discount, campaign.ReferrerReward, campaign.ShareText,
        campaign.ThankYouTemplate, campaign.ShareAgainTemplate, campaign.ShareAgainDelayHours);
}
