using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Experiments;

/// <summary>An experiment's results read out for chat: the table, the verdict in a sentence, and the chart (once there are trials).</summary>
public sealed class ExperimentReadout(ExperimentResultsQuery results, PromptRenderer prompts)
{
    public async Task<Readout> ReadAsync(Experiment experiment, string locale, CancellationToken cancellationToken)
    {
        var found = await results.ForAsync(experiment, cancellationToken);
        var measure = await prompts.RenderPlainAsync(PromptName.ExperimentMeasure, new { Measure = found.Measure.ToString() }, locale);
        var model = ExperimentReading.Model(experiment, found, measure, experiment.Campaign.Currency);
        var verdict = await prompts.RenderAsync(PromptName.ExperimentVerdict, model, locale);
        var table = await prompts.RenderAsync(PromptName.ExperimentResults, model, locale);
        ImageReply? chart = null;
        if (found.Counts.Any(c => c.Trials > 0))
        {
            var png = ExperimentChart.Render($"{experiment.Name}: {experiment.Setting} of {experiment.Campaign.Name}", measure, found.Days);
            chart = new ImageReply(png, $"{experiment.Name}.png", await prompts.RenderAsync(PromptName.ExperimentChartCaption, model, locale));
        }

        return new Readout(table + "\n" + verdict, verdict, chart);
    }
}

/// <param name="Text">The table and the verdict.</param>
/// <param name="Verdict">The verdict alone (what <c>/report</c> shows).</param>
public sealed record Readout(string Text, string Verdict, ImageReply? Chart);
