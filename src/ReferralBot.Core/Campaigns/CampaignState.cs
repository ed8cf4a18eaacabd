namespace ReferralBot.Core.Campaigns;

public enum CampaignState
{
    Active = 0,
    Paused = 1,
    Ended = 2,
}
