using System.Globalization;

namespace ReferralBot.Core.Campaigns;

/// <summary>Dates as admins type and read them: in the campaign's time zone, stored in UTC.</summary>
public static class CampaignDates
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"];

    /// <summary>"2026-12-01" (midnight) or "2026-12-01 09:00", local to <paramref name="timeZone"/>, as UTC.</summary>
    public static bool TryParse(string text, string timeZone, out DateTime utc)
    {
        utc = default;
        if (!DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        // A campaign runs in this century: year 1 or 9999 would not even convert to UTC in most time zones.
        if (local.Year is < 2000 or > 2100) return false;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        if (zone.IsInvalidTime(local)) return false;
        utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        return true;
    }

    /// <summary>The calendar day it is at <paramref name="utc"/> where the campaign is.</summary>
    public static DateOnly LocalDate(DateTime utc, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(timeZone)));

    public static string Format(DateTime utc, string timeZone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        var text = local.TimeOfDay == TimeSpan.Zero
            ? local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : local.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        return $"{text} ({timeZone})";
    }
}
