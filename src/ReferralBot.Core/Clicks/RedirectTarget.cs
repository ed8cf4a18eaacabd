namespace ReferralBot.Core.Clicks;

/// <summary>
/// What a code's link points at, cached for the redirect's hot path. <paramref name="LandingPage"/>: the campaign shares
/// its referrers' landing pages (<c>/p/{code}</c>) rather than this link.
/// </summary>
public sealed record RedirectTarget(string Code, int MemberId, int CampaignId, string CampaignSlug, string LandingUrl, bool LandingPage);
