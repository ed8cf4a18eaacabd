namespace ReferralBot.Core.Clicks;

/// <summary>What a code's link points at, cached for the redirect's hot path.</summary>
public sealed record RedirectTarget(string Code, int MemberId, int CampaignId, string CampaignSlug, string LandingUrl);
