namespace ReferralBot.Core.Campaigns;

/// <summary>
/// One key of <c>/campaign set</c>: how it reads back, and how a typed value is applied. Apply returns null when it
/// changed the campaign, or a problem (invalid, too-long, other-currency, ends-before-starts) having changed nothing.
/// <see cref="Hours"/>: a length of time, in hours, for the prompts to word in the reader's language (Show words it in
/// English, for the audit log).
/// </summary>
public sealed record CampaignSetting(string Key, Func<Campaign, string?> Show, Func<Campaign, string, string?> Apply, Func<Campaign, int?>? Hours = null);
