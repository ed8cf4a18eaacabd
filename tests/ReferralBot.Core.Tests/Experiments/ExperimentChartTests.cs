using ReferralBot.Core.Experiments;
using ReferralBot.Testing;

namespace ReferralBot.Core.Tests.Experiments;

public sealed class ExperimentChartTests
{
    [Fact]
    public void The_chart_is_a_png_with_a_line_per_variant_that_has_people()
    {
        var start = new DateOnly(2026, 12, 1);
        IReadOnlyList<VariantDay> control = [new(start, 40, 4), new(start.AddDays(1), 90, 10), new(start.AddDays(2), 130, 13)];
        IReadOnlyList<VariantDay> gift = [new(start, 38, 6), new(start.AddDays(1), 85, 14), new(start.AddDays(2), 128, 22)];
        IReadOnlyList<VariantDay> empty = [new(start, 0, 0)];

        var png = ExperimentChart.Render("Offer test", "purchases per sign-up", [("10% off", control), ("free gift", gift), ("unused", empty)]);

        var (width, height, _) = TestPictures.Read(png);
        Assert.Equal((ExperimentChart.Width, ExperimentChart.Height), (width, height));
    }
}
