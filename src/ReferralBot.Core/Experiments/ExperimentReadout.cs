using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Experiments;

/// <summary>An experiment's results read out for chat: the table, the verdict in a sentence, and the chart (once there are trials).</summary>
public sealed class ExperimentReadout(ReferralBotDbContext db, ExperimentResultsQuery results, PromptRenderer prompts)
{
    /// <summary>How many of a campaign's latest experiments <c>/report</c> reads out.</summary>
    public const int InReport = 5;

    /// <summary>The campaign's running experiments and those that ended last (at most <see cref="InReport"/>), newest first, without charts.</summary>
    public async Task<IReadOnlyList<(Experiment Experiment, Readout Readout)>> ForReportAsync(int campaignId, string locale, CancellationToken cancellationToken)
    {
        var experiments = await db.Set<Experiment>().AsNoTracking().Include(e => e.Campaign).Include(e => e.Variants)
            .Where(e => e.CampaignId == campaignId && e.State != ExperimentState.Draft)
            .OrderBy(e => e.State).ThenByDescending(e => e.StartedAt).Take(InReport)
            .ToListAsync(cancellationToken);
        var read = new List<(Experiment, Readout)>();
        foreach (var experiment in experiments) read.Add((experiment, await ReadAsync(experiment, locale, cancellationToken, chart: false)));
        return read;
    }

    public async Task<Readout> ReadAsync(Experiment experiment, string locale, CancellationToken cancellationToken, bool chart = true)
    {
        var found = await results.ForAsync(experiment, cancellationToken);
        var measure = await prompts.RenderPlainAsync(PromptName.ExperimentMeasure, new { Measure = found.Measure.ToString() }, locale);
        var model = ExperimentReading.Model(experiment, found, measure, experiment.Campaign.Currency);
        var verdict = await prompts.RenderAsync(PromptName.ExperimentVerdict, model, locale);
        var table = await prompts.RenderAsync(PromptName.ExperimentResults, model, locale);
        ImageReply? image = null;
        if (chart && found.Counts.Any(c => c.Trials > 0))
        {
            var png = ExperimentChart.Render($"{experiment.Name}: {experiment.Setting} of {experiment.Campaign.Name}", measure, found.Days);
            image = new ImageReply(png, $"{experiment.Name}.png", await prompts.RenderAsync(PromptName.ExperimentChartCaption, model, locale));
        }

        return new Readout(table + "\n" + verdict, verdict, image);
    }
}

/// <param name="Text">The table and the verdict.</param>
/// <param name="Verdict">The verdict alone (what <c>/report</c> shows).</param>
public sealed record Readout(string Text, string Verdict, ImageReply? Chart);
