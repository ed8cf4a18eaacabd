namespace ReferralBot.Core.Reports;

/// <summary>
/// Sums of money as reports read them back: SQLite sums decimals (stored as text) as doubles, and a double can hold
/// what no decimal can. Each sum is rounded to the cent and kept within <see cref="Limit"/>, so a stored value gone
/// wrong (from before amounts were bounded) shows as a huge figure instead of failing the report, and what reports
/// then add, subtract and divide cannot overflow either.
/// </summary>
public static class ReportMoney
{
    /// <summary>A billion billions: beyond any sum of bounded amounts, and thousands of times below decimal's range.</summary>
    public const decimal Limit = 1_000_000_000_000_000_000m;

    public static decimal FromSum(double sum) =>
        double.IsNaN(sum) ? 0m
        : sum >= (double)Limit ? Limit
        : sum <= -(double)Limit ? -Limit
        : Math.Round((decimal)sum, 2, MidpointRounding.AwayFromZero);
}
