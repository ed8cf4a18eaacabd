using ScottPlot;

namespace ReferralBot.Core.Experiments;

/// <summary>
/// Cumulative conversion per variant, day by day (ScottPlot): lines that settle as the sample grows, so whether a lead
/// holds shows at a glance.
/// </summary>
public static class ExperimentChart
{
    public const int Width = 1000;
    public const int Height = 500;

    /// <param name="measure">What converted means here, for the axis ("purchases per sign-up").</param>
    public static byte[] Render(string title, string measure, IReadOnlyList<(string Label, IReadOnlyList<VariantDay> Days)> variants)
    {
        var plot = new Plot();
        var highest = 0.0;
        foreach (var (label, days) in variants)
        {
            var seen = days.Where(d => d.Exposed > 0).ToList();
            if (seen.Count == 0) continue;
            var line = plot.Add.Scatter(
                seen.Select(d => d.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray(),
                seen.Select(d => 100.0 * d.Converted / d.Exposed).ToArray());
            line.LegendText = label;
            line.LineWidth = 2;
            highest = Math.Max(highest, seen.Max(d => 100.0 * d.Converted / d.Exposed));
        }

        plot.Axes.DateTimeTicksBottom();
        // From zero, so a small gap between variants looks as small as it is; whole days, with half a day either side.
        plot.Axes.SetLimitsY(0, Math.Max(1, highest * 1.2));
        var span = variants.SelectMany(v => v.Days).Select(d => d.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).DefaultIfEmpty(0).ToList();
        plot.Axes.SetLimitsX(span.Min() - 0.5, span.Max() + 0.5);
        plot.Axes.Left.Label.Text = $"{measure} (%)";
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
