using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Humanizer;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Campaigns;

/// <summary>
/// The keys of <c>/campaign set</c>. Each parses the whole value before it touches the campaign, so a bad value
/// changes nothing; the problem names what was expected (the prompt words it).
/// </summary>
public static partial class CampaignSettings
{
    private static readonly string[] Clear = ["none", "clear", "-"];
    private static readonly HashSet<string> Currencies = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => new RegionInfo(c.Name).ISOCurrencySymbol).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<CampaignSetting> All { get; } =
    [
        new("name", c => c.Name, (c, v) => Text(v, 100, t => c.Name = t)),
        new("landing", c => c.LandingUrl, (c, v) => HttpUrl.TryNormalize(v, out var ascii) ? Do(() => c.LandingUrl = ascii) : "invalid"),
        new("currency", c => c.Currency, (c, v) => Currencies.Contains(v.ToUpperInvariant()) ? Do(() => c.Currency = v.ToUpperInvariant()) : "invalid"),
        new("offer", c => c.Offer, (c, v) => Optional(v, () => c.Offer = null, () => Text(v, 200, t => c.Offer = t))),
        new("discount", c => c.Discount, (c, v) => Optional(v, () => c.Discount = null, () => Discount(v, d => c.Discount = d))),
        new("referrer-reward", c => Money(c.ReferrerReward, c), (c, v) => Optional(v, () => c.ReferrerReward = null, () => Amount(v, c, a => c.ReferrerReward = a))),
        new("commission", c => Percent(c.CommissionPercent), (c, v) => Percentage(v, p => c.CommissionPercent = p)),
        new("flat-fee", c => Money(c.FlatFee, c), (c, v) => Optional(v, () => c.FlatFee = null, () => Amount(v, c, a => c.FlatFee = a))),
        new("window", c => Days(c.AttributionWindowDays), (c, v) => DayCount(v, 1, d => c.AttributionWindowDays = d), c => c.AttributionWindowDays * 24),
        new("hold", c => Days(c.HoldDays), (c, v) => DayCount(v, 0, d => c.HoldDays = d), c => c.HoldDays * 24),
        new("starts", c => Date(c.StartsAt, c), (c, v) => Optional(v, () => c.StartsAt = null, () => Starts(v, c))),
        new("ends", c => Date(c.EndsAt, c), (c, v) => Optional(v, () => c.EndsAt = null, () => Ends(v, c))),
        new("timezone", c => c.TimeZone, (c, v) => TimeZoneInfo.TryFindSystemTimeZoneById(v, out var zone) && (zone.Id.Contains('/') || zone.Id == "UTC")
            ? Do(() => c.TimeZone = zone.Id) : "invalid"),
        new(Language, c => c.Language, (c, v) => Optional(v, () => c.Language = null, () => Text(v, 16, t => c.Language = t))),
        new("terms", c => c.Terms, (c, v) => Optional(v, () => c.Terms = null, () => Text(v, 2000, t => c.Terms = t))),
        new("default", c => c.IsDefault ? "yes" : "no", (c, v) => Switch(v, on => c.IsDefault = on)),
        new("page", c => c.LandingPages ? "on" : "off", (c, v) => Switch(v, on => c.LandingPages = on)),
        new("disclosure", c => c.Disclosure, (c, v) => Optional(v, () => c.Disclosure = null, () => Text(v, 120, t => c.Disclosure = t))),
        new(ShareText, c => c.ShareText, (c, v) => Optional(v, () => c.ShareText = null, () => Text(VoiceText.Normalize(v), VoiceText.MaxLength, t => c.ShareText = t))),
        new(ThankYou, c => c.ThankYouTemplate, (c, v) => Optional(v, () => c.ThankYouTemplate = null, () => Template(v, t => c.ThankYouTemplate = t))),
        new(ShareAgain, c => c.ShareAgainTemplate, (c, v) => Optional(v, () => c.ShareAgainTemplate = null, () => Template(v, t => c.ShareAgainTemplate = t))),
        new(ShareAgainDelay, c => Delay(c.ShareAgainDelayHours), (c, v) => Optional(v, () => c.ShareAgainDelayHours = null, () => DelayHours(v, h => c.ShareAgainDelayHours = h)),
            c => c.ShareAgainDelayHours),
    ];

    public const string ShareText = "share-text";

    /// <summary>Its value is checked against the languages the bot speaks by the command, which knows them.</summary>
    public const string Language = "language";
    public const string ThankYou = "nudge-thank-you";
    public const string ShareAgain = "nudge-share-again";
    public const string ShareAgainDelay = "share-again-delay";

    public const int MaxTemplateLength = 2000;

    private static readonly FluidParser Templates = new();

    /// <summary>An ISO 4217 code as .NET knows them, in capitals (SGD).</summary>
    public static bool IsCurrency(string? code) => code is not null && Currencies.Contains(code);

    /// <summary>A value that clears an optional key (none, clear, -).</summary>
    public static bool Clears(string value) => Clear.Contains(value.ToLowerInvariant());

    public static CampaignSetting? Find(string key) => All.FirstOrDefault(s => s.Key == key.ToLowerInvariant());

    public static string? Money(decimal? amount, Campaign campaign) =>
        amount is { } a ? $"{a.ToString("0.00", CultureInfo.InvariantCulture)} {campaign.Currency}" : null;

    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Days(int days) => "day".ToQuantity(days);

    private static string? DayCount(string value, int min, Action<int> set) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days >= min && days <= 365 ? Do(() => set(days)) : "invalid";

    private static string? Date(DateTime? utc, Campaign campaign) => utc is { } d ? CampaignDates.Format(d, campaign.TimeZone) : null;

    private static string? Do(Action apply)
    {
        apply();
        return null;
    }

    private static string? Switch(string value, Action<bool> set) => value.ToLowerInvariant() switch
    {
        "yes" or "true" or "on" => Do(() => set(true)),
        "no" or "false" or "off" => Do(() => set(false)),
        _ => "invalid",
    };

    private static string? Optional(string value, Action clear, Func<string?> set) =>
        Clears(value) ? Do(clear) : set();

    private static string? Text(string value, int max, Action<string> set) =>
        value.Length is > 0 && value.Length <= max ? Do(() => set(value)) : "too-long";

    private static string? Percentage(string value, Action<decimal> set) =>
        decimal.TryParse(value.TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) && p <= 100 && decimal.Round(p, 2) == p
            ? Do(() => set(p)) : "invalid";

    private static string? Discount(string value, Action<string> set)
    {
        if (value.EndsWith('%')) return Percentage(value, p => set(Percent(p)));
        return DiscountCode().IsMatch(value) ? Do(() => set(value.ToUpperInvariant())) : "invalid";
    }

    /// <summary>An amount in the campaign's currency; null when fine, else the problem.</summary>
    public static string? TryAmount(string value, Campaign campaign, out decimal amount)
    {
        decimal parsed = 0;
        var problem = Amount(value, campaign, a => parsed = a);
        amount = parsed;
        return problem;
    }

    // "5", "5.50", or with the campaign's own currency: "SGD 5.50", "5.50 SGD".
    private static string? Amount(string value, Campaign campaign, Action<decimal> set)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.FirstOrDefault(p => p.Any(char.IsAsciiDigit)) is not { } number) return "invalid";
        var currency = parts.Where(p => p != number).ToList();
        if (currency.Count > 1 || currency.Count == 1 && !string.Equals(currency[0], campaign.Currency, StringComparison.OrdinalIgnoreCase)) return "other-currency";
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount <= 1_000_000m && decimal.Round(amount, 2) == amount
            ? Do(() => set(amount)) : "invalid";
    }

    private static string? Starts(string value, Campaign campaign)
    {
        if (!CampaignDates.TryParse(value, campaign.TimeZone, out var starts)) return "invalid";
        return campaign.EndsAt is { } ends && starts >= ends ? "ends-before-starts" : Do(() => campaign.StartsAt = starts);
    }

    private static string? Ends(string value, Campaign campaign)
    {
        if (!CampaignDates.TryParse(value, campaign.TimeZone, out var ends)) return "invalid";
        return campaign.StartsAt is { } starts && ends <= starts ? "ends-before-starts" : Do(() => campaign.EndsAt = ends);
    }

    // Liquid that parses, whose own markup is what every channel takes (b, i, u, s, code, pre and the entities &amp;
    // &lt; &gt; &quot;): a stray "<" or "&" would make Telegram refuse each message made from it.
    private static string? Template(string value, Action<string> set) =>
        value.Length > MaxTemplateLength ? "too-long"
        : !Templates.TryParse(value, out _, out _) ? "template"
        : StrayMarkup().IsMatch(AllowedMarkup().Replace(value, "")) ? "markup"
        : Do(() => set(value));

    [GeneratedRegex("</?(b|i|u|s|code|pre)>|&(amp|lt|gt|quot);")]
    private static partial Regex AllowedMarkup();

    [GeneratedRegex("[<>&]")]
    private static partial Regex StrayMarkup();

    // Stored in hours, shown as "3 days" or "12 hours".
    private static string? Delay(int? hours) => hours switch
    {
        null => null,
        var h when h % 24 == 0 => "day".ToQuantity(h.Value / 24),
        var h => "hour".ToQuantity(h.Value),
    };

    // "3d", "3 days", "72h", "12 hours": from an hour to 90 days.
    private static string? DelayHours(string value, Action<int> set)
    {
        var match = DelayPattern().Match(value.Trim().ToLowerInvariant());
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return "delay";
        var hours = match.Groups["unit"].Value.StartsWith('d') ? amount * 24L : amount;
        return hours is >= 1 and <= 90 * 24 ? Do(() => set((int)hours)) : "delay";
    }

    [GeneratedRegex(@"^(?<n>\d{1,4})\s*(?<unit>d|days?|h|hours?)$")]
    private static partial Regex DelayPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{3,40}$")]
    private static partial Regex DiscountCode();
}
