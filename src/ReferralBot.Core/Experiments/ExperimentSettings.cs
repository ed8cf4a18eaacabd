using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Humanizer;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Experiments;

/// <summary>
/// The settings an experiment can test, and how a variant's value is read: as <c>/campaign set</c> reads the
/// campaign's own (so a variant's discount or reward is checked and stored the same way), a share text as a voice is, a
/// nudge as a Liquid template, a delay as days or hours.
/// </summary>
public static partial class ExperimentSettings
{
    public const string ShareText = "share-text";
    public const string ThankYou = "nudge-thank-you";
    public const string ShareAgain = "nudge-share-again";
    public const string ShareAgainDelay = "share-again-delay";

    private static readonly string[] CampaignKeys = ["offer", "discount", "referrer-reward"];
    private static readonly FluidParser Templates = new();

    public static IReadOnlyList<string> All { get; } = [.. CampaignKeys, ShareText, ThankYou, ShareAgain, ShareAgainDelay];

    public static bool Exists(string setting) => All.Contains(setting);

    /// <summary>Whether the setting is the campaign's own (<c>/campaign set</c>): no value is then "none", not the bot's own.</summary>
    public static bool OfCampaign(string setting) => CampaignKeys.Contains(setting);

    /// <summary>The campaign's value now, the control's; null where the service's own applies (a prompt, the configured delay).</summary>
    public static string? Current(Campaign campaign, string setting) =>
        CampaignKeys.Contains(setting) ? CampaignSettings.Find(setting)!.Show(campaign) : null;

    /// <summary>The value as it is stored, or the problem (as <c>/campaign set</c> names them, or "template", "delay").</summary>
    public static (string? Value, string? Problem) Read(Campaign campaign, string setting, string text)
    {
        if (CampaignKeys.Contains(setting))
        {
            // Applied to a stand-in with the campaign's currency: the campaign itself changes only when a winner is chosen.
            var standIn = new Campaign { Slug = campaign.Slug, Name = campaign.Name, LandingUrl = campaign.LandingUrl, Currency = campaign.Currency };
            var key = CampaignSettings.Find(setting)!;
            return key.Apply(standIn, text) is { } problem ? (null, problem) : (key.Show(standIn), null);
        }

        return setting switch
        {
            ShareText => VoiceText.Normalize(text) is { Length: > 0 and <= VoiceText.MaxLength } voice ? (voice, null) : (null, "too-long"),
            ThankYou or ShareAgain => Templates.TryParse(text, out _, out _) ? (text, null) : (null, "template"),
            _ => Delay(text) is { } delay ? (delay, null) : (null, "delay"),
        };
    }

    /// <summary>A share-again delay's value as a time span.</summary>
    public static TimeSpan ParseDelay(string value)
    {
        var match = DelayPattern().Match(value);
        var amount = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value.StartsWith('d') ? TimeSpan.FromDays(amount) : TimeSpan.FromHours(amount);
    }

    // "3d", "3 days", "72h", "12 hours": from an hour to 90 days, stored as "3 days" or "12 hours".
    private static string? Delay(string text)
    {
        var match = DelayPattern().Match(text.Trim().ToLowerInvariant());
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return null;
        var days = match.Groups["unit"].Value.StartsWith('d');
        var span = days ? TimeSpan.FromDays(amount) : TimeSpan.FromHours(amount);
        if (span < TimeSpan.FromHours(1) || span > TimeSpan.FromDays(90)) return null;
        return (days ? "day" : "hour").ToQuantity(amount);
    }

    [GeneratedRegex(@"^(?<n>\d{1,4})\s*(?<unit>d|days?|h|hours?)$")]
    private static partial Regex DelayPattern();
}
