using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ReferralBot.Core.Review.Rules;

/// <summary>
/// One visitor (the daily visitor hash) clicking one code more than the setting in a day: a script, or someone inflating
/// a tally. Clicks earn nothing, so the case only informs; unique clicks already count that visitor once.
/// </summary>
public sealed class ClickFloodRule : IFraudRule
{
    public string Name => FraudRuleNames.ClickFlood;

    public bool IsEnabled(FraudOptions options) => options.ClickFlood.Enabled;

    public async Task<IReadOnlyList<ReviewCase>> FindAsync(FraudScanContext scan, CancellationToken cancellationToken)
    {
        var limit = scan.Options.ClickFlood.ClicksPerVisitor;
        var floods = await scan.Db.Clicks.AsNoTracking().Where(c => c.OccurredAt >= scan.Since && c.Visitor != null)
            .GroupBy(c => new { c.MemberId, c.CampaignId, c.Code, c.Visitor, c.OccurredAt.Date })
            .Where(g => g.Count() > limit)
            .Select(g => new { g.Key.MemberId, g.Key.CampaignId, g.Key.Code, g.Key.Date, Clicks = g.Count() })
            .ToListAsync(cancellationToken);

        return floods.GroupBy(f => (f.MemberId, f.Date)).Select(day => scan.Case(Name,
            $"member:{day.Key.MemberId}:{day.Key.Date:yyyy-MM-dd}", day.First().CampaignId, day.Key.MemberId, new Dictionary<string, string>
            {
                ["code"] = day.First().Code,
                ["visitors"] = day.Count().ToString(CultureInfo.InvariantCulture),
                ["clicks"] = day.Max(f => f.Clicks).ToString(CultureInfo.InvariantCulture),
                ["day"] = day.Key.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, holds: false)).ToList();
    }
}
