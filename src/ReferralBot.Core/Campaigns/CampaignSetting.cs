namespace ReferralBot.Core.Campaigns;

/// <summary>
/// One key of <c>/campaign set</c>: how it reads back, and how a typed value is applied. Apply returns null when it
/// changed the campaign, or a problem (invalid, too-long, other-currency, ends-before-starts) having changed nothing.
/// </summary>
public sealed record CampaignSetting(string Key, Func<Campaign, string?> Show, Func<Campaign, string, string?> Apply);
