using System.Globalization;

namespace ReferralBot.Core.Nudges;

/// <summary>A nightly window (<c>22:00-08:00</c>, local time) in which nothing is sent; it may cross midnight.</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static readonly QuietHours None = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public static bool TryParse(string? text, out QuietHours hours)
    {
        hours = None;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            return false;
        hours = new QuietHours(start, end);
        return true;
    }

    public static QuietHours Parse(string? text) => TryParse(text, out var hours) ? hours : throw new FormatException($"Not quiet hours: {text}");

    /// <summary>When a nudge due at <paramref name="utc"/> may go out: then, or the end of the quiet window it falls in.</summary>
    public DateTime NextAllowed(DateTime utc, string timeZoneId)
    {
        if (Start == End) return utc;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var time = TimeOnly.FromDateTime(local);
        var quiet = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!quiet) return utc;

        var endDay = Start < End || time < End ? local.Date : local.Date.AddDays(1);
        var endLocal = endDay + End.ToTimeSpan();
        // A quiet end that falls in a daylight-saving gap does not exist locally: an hour later does.
        while (zone.IsInvalidTime(endLocal)) endLocal = endLocal.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(endLocal, DateTimeKind.Unspecified), zone);
    }
}
