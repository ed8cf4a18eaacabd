using ReferralBot.Core.Nudges;

namespace ReferralBot.Core.Tests.Nudges;

public sealed class QuietHoursTests
{
    private static readonly QuietHours Night = QuietHours.Parse("22:00-08:00");

    [Theory]
    [InlineData("2026-11-24T21:59:00Z", "UTC", "2026-11-24T21:59:00Z")]
    [InlineData("2026-11-24T22:00:00Z", "UTC", "2026-11-25T08:00:00Z")]
    [InlineData("2026-11-25T03:00:00Z", "UTC", "2026-11-25T08:00:00Z")]
    [InlineData("2026-11-25T08:00:00Z", "UTC", "2026-11-25T08:00:00Z")]
    [InlineData("2026-11-24T15:00:00Z", "Asia/Singapore", "2026-11-25T00:00:00Z")] // 23:00 local → 08:00 local
    [InlineData("2026-11-24T13:59:00Z", "Asia/Singapore", "2026-11-24T13:59:00Z")] // 21:59 local
    public void A_time_in_the_window_moves_to_its_end(string due, string zone, string expected)
    {
        var at = DateTime.Parse(due, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), Night.NextAllowed(at, zone));
    }

    [Fact]
    public void A_daytime_window_works_too_and_an_empty_one_never_waits()
    {
        var lunch = QuietHours.Parse("12:00-13:30");
        var noon = new DateTime(2026, 11, 24, 12, 15, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 11, 24, 13, 30, 0, DateTimeKind.Utc), lunch.NextAllowed(noon, "UTC"));
        Assert.Equal(noon, QuietHours.Parse("").NextAllowed(noon, "UTC"));
    }

    [Fact]
    public void A_morning_that_falls_in_a_daylight_saving_gap_moves_past_it()
    {
        // New York springs forward at 02:00 on 2027-03-14: 02:30 does not exist that day.
        var hours = QuietHours.Parse("01:00-02:30");
        var due = new DateTime(2027, 3, 14, 6, 30, 0, DateTimeKind.Utc); // 01:30 EST

        var allowed = hours.NextAllowed(due, "America/New_York");

        Assert.Equal(new DateTime(2027, 3, 14, 7, 0, 0, DateTimeKind.Utc), allowed); // 03:00 EDT
    }

    [Theory]
    [InlineData("22-08")]
    [InlineData("22:00")]
    [InlineData("25:00-08:00")]
    [InlineData("night")]
    public void Bad_quiet_hours_are_refused(string text) => Assert.False(QuietHours.TryParse(text, out _));
}
