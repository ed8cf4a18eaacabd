using ReferralBot.Core.Campaigns;
using ScottPlot;
using SkiaSharp;

namespace ReferralBot.Core.Reports;

/// <summary>The report's picture (ScottPlot): purchases per day on the left, the funnel on the right, one PNG.</summary>
public static class ReportChart
{
    public const int Width = 1200;
    public const int Height = 450;

    public static byte[] Render(Campaign campaign, CampaignReport report)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        surface.Canvas.Clear(SKColors.White);
        // Each plot is drawn on its own and placed side by side (a plot clears the whole canvas it renders on).
        Place(surface.Canvas, PerDay(campaign, report), 0);
        Place(surface.Canvas, Funnel(report), Width / 2);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Place(SKCanvas canvas, Plot plot, int left)
    {
        using var bitmap = SKBitmap.Decode(plot.GetImageBytes(Width / 2, Height, ImageFormat.Png));
        canvas.DrawBitmap(bitmap, left, 0);
    }

    private static Plot PerDay(Campaign campaign, CampaignReport report)
    {
        var plot = new Plot();
        var days = report.PurchasesPerDay;
        if (days.Count > 0)
        {
            // Every day from the first purchase to the last (a week at least), so quiet days show as gaps.
            var last = days[^1].Day;
            var first = days[0].Day < last.AddDays(-6) ? days[0].Day : last.AddDays(-6);
            var span = last.DayNumber - first.DayNumber + 1;
            var counts = days.ToDictionary(d => d.Day, d => d.Purchases);
            var positions = Enumerable.Range(0, span).Select(i => first.AddDays(i).ToDateTime(TimeOnly.MinValue).ToOADate() + 0.5).ToArray();
            var values = Enumerable.Range(0, span).Select(i => (double)counts.GetValueOrDefault(first.AddDays(i))).ToArray();
            var bars = plot.Add.Bars(positions, values);
            foreach (var bar in bars.Bars) bar.Size = 0.8;
            plot.Axes.DateTimeTicksBottom();
            plot.Axes.SetLimitsX(positions[0] - 0.5, positions[^1] + 0.5);
        }

        plot.Title($"{campaign.Name}: purchases per day");
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    private static Plot Funnel(CampaignReport report)
    {
        var plot = new Plot();
        // Page views lead the funnel where the campaign has landing pages.
        (double Value, string Label)[] steps = report.UniqueViews > 0
            ? [(report.UniqueViews, "Page views"), (report.UniqueClicks, "Unique clicks"), (report.SignUps, "Sign-ups"), (report.Purchases, "Purchases")]
            : [(report.UniqueClicks, "Unique clicks"), (report.SignUps, "Sign-ups"), (report.Purchases, "Purchases")];
        plot.Add.Bars(steps.Select(s => s.Value).ToArray());
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, steps.Length).Select(i => (double)i).ToArray(), steps.Select(s => s.Label).ToArray());
        plot.Title("Funnel");
        plot.Axes.Margins(bottom: 0);
        return plot;
    }
}
