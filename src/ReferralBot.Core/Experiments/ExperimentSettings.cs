using System.Globalization;
using System.Text.RegularExpressions;
using ReferralBot.Core.Campaigns;

namespace ReferralBot.Core.Experiments;

/// <summary>
/// The campaign settings an experiment can test: those that shape what a follower or sharer sees. A variant's value is
/// read, stored and applied to the campaign exactly as <c>/campaign set</c> does it (<see cref="CampaignSettings"/>).
/// </summary>
public static partial class ExperimentSettings
{
    public const string Offer = "offer";
    public const string Discount = "discount";
    public const string ReferrerReward = "referrer-reward";

    public static IReadOnlyList<string> All { get; } =
        [Offer, Discount, ReferrerReward, CampaignSettings.ShareText, CampaignSettings.ThankYou, CampaignSettings.ShareAgain, CampaignSettings.ShareAgainDelay];

    private static readonly string[] BotsOwn = [CampaignSettings.ShareText, CampaignSettings.ThankYou, CampaignSettings.ShareAgain, CampaignSettings.ShareAgainDelay];

    public static bool Exists(string setting) => All.Contains(setting);

    /// <summary>Whether no value means the bot's own (the member's voice, the prompt file, the configured delay) rather than none.</summary>
    public static bool NoneIsBotsOwn(string setting) => BotsOwn.Contains(setting);

    /// <summary>The campaign's value now, the control's.</summary>
    public static string? Current(Campaign campaign, string setting) => CampaignSettings.Find(setting)!.Show(campaign);

    /// <summary>The value as the campaign would store it, or the problem (as <c>/campaign set</c> names them).</summary>
    public static (string? Value, string? Problem) Read(Campaign campaign, string setting, string text)
    {
        // Applied to a stand-in with the campaign's currency: the campaign itself changes only when a winner is chosen.
        var standIn = StandIn(campaign);
        var key = CampaignSettings.Find(setting)!;
        return key.Apply(standIn, text) is { } problem ? (null, problem) : (key.Show(standIn), null);
    }

    /// <summary>
    /// Applies a variant's value to a stand-in of the campaign, as its followers meet it; null when done, else the problem
    /// (a stored amount in a currency the campaign no longer counts in), having changed nothing. A percentage discount
    /// carries the offer's own number along when the offer names the discount's ("10% off your first order" with 10%,
    /// tested against 15%, reads "15% off your first order"), so what is promised is what the checkout gives.
    /// </summary>
    public static string? ApplyVariant(Campaign campaign, string setting, string? value)
    {
        var offer = setting == Discount ? OfferFollowing(campaign, value) : null;
        if (CampaignSettings.Find(setting)!.Apply(campaign, value ?? "none") is { } problem) return problem;
        if (offer is not null) campaign.Offer = offer;
        return null;
    }

    /// <summary>The campaign's offer with <paramref name="discount"/>'s number in place of its discount's; null when it names none.</summary>
    public static string? OfferFollowing(Campaign campaign, string? discount)
    {
        if (discount is null || !discount.EndsWith('%') || campaign.Discount is not { } old || !old.EndsWith('%') || campaign.Offer is not { } offer) return null;
        var number = OfferPercent().Match(offer).Groups["p"];
        if (!number.Success || Percent(number.Value) != Percent(old.TrimEnd('%'))) return null;
        return string.Concat(offer.AsSpan(0, number.Index), discount.TrimEnd('%'), offer.AsSpan(number.Index + number.Length));
    }

    private static decimal Percent(string number) => decimal.Parse(number, CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether a campaign with the variant applied can be honoured: an offer that names a percentage ("15% off") must be
    /// what a percentage discount gives at checkout, or followers would be promised one thing and get another.
    /// </summary>
    public static bool Honoured(Campaign campaign) =>
        campaign.Discount is not { } discount || !discount.EndsWith('%') || campaign.Offer is not { } offer
        || OfferPercent().Match(offer) is not { Success: true } match
        || Percent(match.Groups["p"].Value) == Percent(discount.TrimEnd('%'));

    [GeneratedRegex(@"(?<p>\d{1,2}(?:\.\d{1,2})?)\s*%")]
    private static partial Regex OfferPercent();

    /// <summary>A detached copy of what the settings tested read and show, to apply a variant to.</summary>
    public static Campaign StandIn(Campaign campaign) => new()
    {
        Slug = campaign.Slug, Name = campaign.Name, LandingUrl = campaign.LandingUrl, Currency = campaign.Currency,
        Offer = campaign.Offer, Discount = campaign.Discount, ReferrerReward = campaign.ReferrerReward, ShareText = campaign.ShareText,
        ThankYouTemplate = campaign.ThankYouTemplate, ShareAgainTemplate = campaign.ShareAgainTemplate, ShareAgainDelayHours = campaign.ShareAgainDelayHours,
    };
}
