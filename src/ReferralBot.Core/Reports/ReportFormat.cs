using System.Globalization;

namespace ReferralBot.Core.Reports;

/// <summary>Numbers as a reader wants them: 1,204 · 7.1% · 2,345.00 SGD.</summary>
public static class ReportFormat
{
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string? Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : null;
}
