using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Experiments;

/// <summary>
/// <c>/experiment new &lt;slug&gt; &lt;name&gt; &lt;setting&gt;</c> sets up an A/B test of a campaign setting, its control the
/// campaign's value now; <c>/experiment variant &lt;name&gt; &lt;label&gt; &lt;value…&gt;</c> adds or changes a variant (two to
/// four in all; <c>control</c> replaces the control's value); <c>/experiment start &lt;name&gt; [split 50/50]</c>;
/// <c>/experiment show &lt;name&gt;</c> with the results, verdict and chart; <c>/experiment stop &lt;name&gt; [winner]</c>.
/// </summary>
public sealed class ExperimentCommand(
    ReferralBotDbContext db,
    CampaignDirectory campaigns,
    CampaignAdministration administration,
    ExperimentReadout readouts,
    AuditLog audit,
    PromptRenderer prompts,
    TimeProvider time)
    : IChatCommand
{
    public const int MaxVariants = 4;

    public string Name => "experiment";

    public bool AdminOnly => true;

    public string? MenuPrompt => PromptName.MenuExperiment;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        return (args.FirstOrDefault()?.ToLowerInvariant(), args.Count) switch
        {
            ("new", 4) => await NewAsync(context, args[1], args[2], args[3], cancellationToken),
            ("variant", >= 4) => await VariantAsync(context, args[1], args[2], string.Join(' ', args.Skip(3)), cancellationToken),
            ("show", 2) => await ShowAsync(context, args[1], cancellationToken),
            ("start", 2) => await StartAsync(context, args[1], null, cancellationToken),
            ("start", 3) => await StartAsync(context, args[1], args[2], cancellationToken),
            ("start", 4) when args[2].Equals("split", StringComparison.OrdinalIgnoreCase) => await StartAsync(context, args[1], args[3], cancellationToken),
            ("stop", 2) => await StopAsync(context, args[1], null, cancellationToken),
            ("stop", 3) => await StopAsync(context, args[1], args[2], cancellationToken),
            _ => [await Say(PromptName.ExperimentUsage, new { Settings = ExperimentSettings.All, Max = MaxVariants }, context)],
        };
    }

    private async Task<IReadOnlyList<Reply>> NewAsync(CommandContext context, string slug, string name, string setting, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(slug, cancellationToken) is not { } campaign) return [await Say(PromptName.CampaignUnknown, new { Slug = slug }, context)];
        if (!ExperimentNames.TryNormalize(name, out var normalized)) return [await Problem("name", name, context)];
        setting = setting.ToLowerInvariant();
        if (!ExperimentSettings.Exists(setting)) return [await Problem("setting", setting, context)];
        if (await db.Set<Experiment>().AnyAsync(e => e.Name == normalized, cancellationToken)) return [await Problem("exists", normalized, context)];

        var experiment = new Experiment
        {
            CampaignId = campaign.Id, Name = normalized, Setting = setting, CreatedAt = time.GetUtcNow().UtcDateTime,
            Variants = [new ExperimentVariant { Label = ExperimentVariant.Control, Value = ExperimentSettings.Current(campaign, setting), Position = 0 }],
        };
        db.Add(experiment);
        audit.Record(context.Person.Address, campaign.Id, "experiment.new", null, $"{normalized} {setting}");
        await db.SaveChangesAsync(cancellationToken);
        return [await Say(PromptName.ExperimentCreated, Model(experiment, campaign), context)];
    }

    private async Task<IReadOnlyList<Reply>> VariantAsync(CommandContext context, string name, string label, string value, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken) is not { } experiment) return [await Problem("unknown", name, context)];
        if (experiment.State != ExperimentState.Draft) return [await Problem("started", experiment.Name, context)];
        if (!ExperimentNames.TryNormalize(label, out var normalized)) return [await Problem("label", label, context)];
        var existing = experiment.Variants.FirstOrDefault(v => v.Label == normalized);
        if (existing is null && experiment.Variants.Count >= MaxVariants) return [await Problem("too-many", experiment.Name, context)];
        var (read, problem) = ExperimentSettings.Read(experiment.Campaign, experiment.Setting, value);
        if (problem is not null) return [await Problem(problem, value, context, experiment)];

        var before = existing?.Value;
        if (existing is null) experiment.Variants.Add(existing = new ExperimentVariant { Label = normalized, Position = experiment.Variants.Max(v => v.Position) + 1 });
        existing.Value = read;
        audit.Record(context.Person.Address, experiment.CampaignId, $"experiment.variant {experiment.Name} {normalized}", before, read);
        await db.SaveChangesAsync(cancellationToken);
        return [await Say(PromptName.ExperimentShow, Model(experiment, experiment.Campaign), context)];
    }

    private async Task<IReadOnlyList<Reply>> ShowAsync(CommandContext context, string name, CancellationToken cancellationToken) =>
        await FindAsync(name, cancellationToken) is { } experiment
            ? await WithResultsAsync(experiment, context, cancellationToken)
            : [await Problem("unknown", name, context)];

    // A started experiment is shown with its results, and with the chart of its measure once it has some.
    private async Task<IReadOnlyList<Reply>> WithResultsAsync(Experiment experiment, CommandContext context, CancellationToken cancellationToken)
    {
        var shown = await prompts.RenderAsync(PromptName.ExperimentShow, Model(experiment, experiment.Campaign), context.Locale);
        if (experiment.State == ExperimentState.Draft) return [new TextReply(shown, [])];

        var readout = await readouts.ReadAsync(experiment, context.Locale, cancellationToken);
        var text = new TextReply(shown + "\n\n" + readout.Text, []);
        return readout.Chart is null ? [text] : [text, readout.Chart];
    }

    private async Task<IReadOnlyList<Reply>> StartAsync(CommandContext context, string name, string? split, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken) is not { } experiment) return [await Problem("unknown", name, context)];
        if (experiment.State != ExperimentState.Draft) return [await Problem(experiment.State == ExperimentState.Running ? "running" : "stopped", experiment.Name, context)];
        var variants = experiment.Variants.OrderBy(v => v.Position).ToList();
        if (variants.Count < 2) return [await Problem("too-few", experiment.Name, context)];
        if (ExperimentSplit.Read(split, variants.Count) is not { } weights) return [await Problem("split", split!, context, experiment)];
        foreach (var variant in variants)
        {
            var standIn = ExperimentSettings.StandIn(experiment.Campaign);
            if (ExperimentSettings.ApplyVariant(standIn, experiment.Setting, variant.Value) is { } problem) return [await Problem(problem, variant.Value ?? variant.Label, context, experiment)];
            if (!ExperimentSettings.Honoured(standIn)) return [await Problem("mismatch", variant.Label, context, experiment)];
        }

        if (await RunningOnSameSettingAsync(experiment, cancellationToken) is { } other) return [await Problem("busy", other, context, experiment)];
        for (var i = 0; i < variants.Count; i++) variants[i].Weight = weights[i];
        experiment.State = ExperimentState.Running;
        experiment.StartedAt = time.GetUtcNow().UtcDateTime;
        audit.Record(context.Person.Address, experiment.CampaignId, $"experiment.start {experiment.Name}", null, string.Join('/', weights));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another admin started one on the same setting a moment ago: the unique index over running experiments said no.
            db.ChangeTracker.Clear();
            return [await Problem("busy", await RunningOnSameSettingAsync(experiment, cancellationToken) ?? "another", context, experiment)];
        }

        return await WithResultsAsync(experiment, context, cancellationToken);
    }

    private async Task<IReadOnlyList<Reply>> StopAsync(CommandContext context, string name, string? winner, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken) is not { } experiment) return [await Problem("unknown", name, context)];
        if (experiment.State != ExperimentState.Running) return [await Problem("not-running", experiment.Name, context)];
        var chosen = winner is null ? null : experiment.Variants.FirstOrDefault(v => v.Label == winner.Trim().ToLowerInvariant());
        if (winner is not null && chosen is null) return [await Problem("no-variant", winner, context, experiment)];

        experiment.State = ExperimentState.Stopped;
        experiment.StoppedAt = time.GetUtcNow().UtcDateTime;
        experiment.Winner = chosen?.Label;
        audit.Record(context.Person.Address, experiment.CampaignId, $"experiment.stop {experiment.Name}", null, chosen?.Label);
        if (chosen is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            // A percentage discount takes the offer's number along, as its followers saw it (each change audited).
            var offer = ExperimentSettings.OfferFollowing(experiment.Campaign, chosen.Value);
            await SetAsync(context, experiment, experiment.Setting, chosen.Value ?? "none", cancellationToken);
            if (offer is not null && offer != experiment.Campaign.Offer) await SetAsync(context, experiment, ExperimentSettings.Offer, offer, cancellationToken);
        }

        return await WithResultsAsync(experiment, context, cancellationToken);
    }

    // The winner's value was read as this setting when it was added (and the offer is the campaign's own with another
    // number): neither can fail to apply now.
    private async Task SetAsync(CommandContext context, Experiment experiment, string setting, string value, CancellationToken cancellationToken)
    {
        if (await administration.SetAsync(context.Person.Address, experiment.Campaign, CampaignSettings.Find(setting)!, value, cancellationToken) is { } problem)
            throw new InvalidOperationException($"The winner of {experiment.Name} did not apply to {setting}: {problem}.");
    }

    private Task<string?> RunningOnSameSettingAsync(Experiment experiment, CancellationToken cancellationToken) =>
        db.Set<Experiment>().Where(e => e.CampaignId == experiment.CampaignId && e.Setting == experiment.Setting && e.State == ExperimentState.Running && e.Id != experiment.Id)
            .Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);

    private Task<Experiment?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = name.Trim().ToLowerInvariant();
        return db.Set<Experiment>().Include(e => e.Campaign).Include(e => e.Variants).SingleOrDefaultAsync(e => e.Name == normalized, cancellationToken);
    }

    private static object Model(Experiment experiment, Campaign campaign) => new
    {
        experiment.Name,
        experiment.Setting,
        State = experiment.State.ToString().ToLowerInvariant(),
        experiment.Winner,
        Started = experiment.StartedAt,
        campaign.Slug,
        Campaign = campaign.Name,
        Variants = experiment.Variants.OrderBy(v => v.Position)
            .Select(v => new { v.Label, v.Value, Share = Share(v, experiment), Own = ExperimentSettings.NoneIsBotsOwn(experiment.Setting), Control = v.Label == ExperimentVariant.Control }).ToList(),
        Max = MaxVariants,
    };

    // The variant's part of the split, as a percentage of people.
    private static string Share(ExperimentVariant variant, Experiment experiment) =>
        ((double)variant.Weight / experiment.Variants.Sum(v => v.Weight)).ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture);

    private Task<TextReply> Problem(string problem, string value, CommandContext context, Experiment? experiment = null) =>
        Say(PromptName.ExperimentProblem, new
        {
            Problem = problem, Value = value, experiment?.Setting, Currency = experiment?.Campaign.Currency, experiment?.Campaign.Slug,
            Settings = ExperimentSettings.All, Max = MaxVariants,
        }, context);

    private Task<TextReply> Say(string prompt, object? model, CommandContext context) => prompts.TextAsync(prompt, model, context.Locale);
}
