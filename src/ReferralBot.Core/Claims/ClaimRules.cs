using ReferralBot.Core.Campaigns;

namespace ReferralBot.Core.Claims;

/// <summary>When a campaign takes claims: the one rule both claim paths apply.</summary>
public static class ClaimRules
{
    /// <summary>Null when the campaign takes claims at <paramref name="now"/>; else why not (a prompt's state name).</summary>
    public static string? ClosedReason(Campaign campaign, DateTime now) => campaign switch
    {
        { State: CampaignState.Paused } => "paused",
        { State: CampaignState.Ended } => "ended",
        { StartsAt: { } starts } when now < starts => "not-started",
        { EndsAt: { } ends } when now >= ends => "over",
        _ => null,
    };
}
