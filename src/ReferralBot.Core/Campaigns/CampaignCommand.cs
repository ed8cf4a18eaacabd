using ReferralBot.Core.Conversation;
using ReferralBot.Core.Links;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Campaigns;

/// <summary><c>/campaign new|list|show|set|pause|resume|end|remind</c> for admins.</summary>
public sealed class CampaignCommand(
    CampaignDirectory campaigns,
    CampaignAdministration administration,
    CampaignOverview overview,
    CampaignReminders reminders,
    PromptRenderer prompts,
    LanguageSet languages,
    TimeProvider time) : IChatCommand
{
    public string Name => "campaign";

    public bool AdminOnly => true;

    public string? MenuPrompt => PromptName.MenuCampaign;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var sub = args.Count > 0 ? args[0].ToLowerInvariant() : "";
        return sub switch
        {
            "new" when args.Count >= 3 => [await NewAsync(context, cancellationToken)],
            "list" when args.Count == 1 => [await prompts.TextAsync(PromptName.CampaignList, new { Campaigns = Rows(await overview.ListAsync(cancellationToken)) }, context.Locale)],
            "show" or "pause" or "resume" or "end" or "remind" when args.Count == 2 => [await OnCampaignAsync(context, sub, args[1], cancellationToken)],
            "set" when args.Count >= 4 => [await SetAsync(context, cancellationToken)],
            _ => [await prompts.TextAsync(PromptName.CampaignUsage, new { Keys = CampaignSettings.All.Select(s => s.Key).ToList() }, context.Locale)],
        };
    }

    private async Task<TextReply> NewAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var slug = context.Arguments[1].ToLowerInvariant();
        if (!CampaignSlug.IsValid(slug)) return await prompts.TextAsync(PromptName.CampaignBadSlug, new { Slug = context.Arguments[1] }, context.Locale);
        if (!HttpUrl.TryNormalize(context.Arguments[2], out var landing))
            return await prompts.TextAsync(PromptName.CampaignBadUrl, new { Url = context.Arguments[2] }, context.Locale);

        var name = context.Arguments.Count > 3 ? string.Join(' ', context.Arguments.Skip(3)) : Humanizer.StringHumanizeExtensions.Humanize(slug);
        if (name.Length > 100) name = name[..100];
        var created = await administration.CreateAsync(context.Person.Address, slug, landing, name, cancellationToken);
        return created is null
            ? await prompts.TextAsync(PromptName.CampaignExists, new { Slug = slug }, context.Locale)
            : await prompts.TextAsync(PromptName.CampaignCreated, new { created.Slug, created.Name, created.LandingUrl, created.Currency }, context.Locale);
    }

    private async Task<TextReply> OnCampaignAsync(CommandContext context, string sub, string slug, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(slug, cancellationToken) is not { } campaign)
            return await prompts.TextAsync(PromptName.CampaignUnknown, new { Slug = slug }, context.Locale);
        if (sub == "show") return await ShowAsync(campaign, context.Locale, cancellationToken);
        if (sub == "remind") return await RemindAsync(context, campaign, cancellationToken);

        var target = sub switch { "pause" => CampaignState.Paused, "resume" => CampaignState.Active, _ => CampaignState.Ended };
        var model = new { campaign.Slug, campaign.Name, From = State(campaign.State), To = State(target) };
        if (campaign.State == target) return await prompts.TextAsync(PromptName.CampaignStateSame, model, context.Locale);
        if (campaign.State == CampaignState.Ended) return await prompts.TextAsync(PromptName.CampaignEndedFinal, model, context.Locale);

        await administration.ChangeStateAsync(context.Person.Address, campaign, target, cancellationToken);
        return await prompts.TextAsync(PromptName.CampaignStateChanged, model, context.Locale);
    }

    private async Task<TextReply> SetAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (slug, key, value) = (context.Arguments[1], context.Arguments[2], string.Join(' ', context.Arguments.Skip(3)));
        if (await campaigns.FindAsync(slug, cancellationToken) is not { } campaign)
            return await prompts.TextAsync(PromptName.CampaignUnknown, new { Slug = slug }, context.Locale);
        if (CampaignSettings.Find(key) is not { } setting)
            return await prompts.TextAsync(PromptName.CampaignSetUnknownKey, new { Key = key, Keys = CampaignSettings.All.Select(s => s.Key) }, context.Locale);

        var before = SettingView.Of(setting, campaign);
        // A language is one the bot speaks, written as its folder of prompts is named (zh → zh-Hans).
        var language = setting.Key == CampaignSettings.Language && !CampaignSettings.Clears(value) ? languages.Match(value) : value;
        var problem = language is null ? "language" : await administration.SetAsync(context.Person.Address, campaign, setting, language, cancellationToken);
        var model = new
        {
            campaign.Slug, setting.Key, Value = value, Problem = problem, Before = before, After = SettingView.Of(setting, campaign), campaign.Currency, Languages = languages.All,
        };
        return await prompts.TextAsync(problem is null ? PromptName.CampaignSetDone : PromptName.CampaignSetInvalid, model, context.Locale);
    }

    // Only a campaign that takes sign-ups is worth sharing; the reminders go out at the dispatcher's pace.
    private async Task<TextReply> RemindAsync(CommandContext context, Campaign campaign, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!campaign.AcceptsClaimsAt(now))
        {
            var state = campaign.State != CampaignState.Active ? State(campaign.State) : campaign.StartsAt > now ? "not-started" : "over";
            return await prompts.TextAsync(PromptName.CampaignRemindClosed, new { campaign.Slug, campaign.Name, State = state }, context.Locale);
        }

        var round = await reminders.ScheduleAsync(context.Person.Address, campaign, cancellationToken);
        return await prompts.TextAsync(PromptName.CampaignRemindQueued, new { campaign.Slug, campaign.Name, round.Queued, round.AlreadyToday, round.LeftOut }, context.Locale);
    }

    private async Task<TextReply> ShowAsync(Campaign campaign, string locale, CancellationToken cancellationToken)
    {
        var headline = await overview.HeadlineAsync(campaign, cancellationToken);
        var tiers = await overview.TiersAsync(campaign.Id, cancellationToken);
        var changes = await overview.RecentChangesAsync(campaign.Id, cancellationToken);
        // "default" says what /start does now, not only the flag: the configured or oldest running campaign joins too.
        var joinedByStart = (await campaigns.DefaultAsync(cancellationToken))?.Id == campaign.Id;
        return await prompts.TextAsync(PromptName.CampaignShow, new
        {
            Campaign = Rows([headline])[0],
            Settings = CampaignSettings.All.Where(s => s.Key is not ("name" or "landing" or "currency"))
                .Select(s => s.Key == "default" ? Default(campaign, joinedByStart) : SettingView.Of(s, campaign)),
            Tiers = tiers.Select(t => new { t.Name, t.MinPurchases, Percent = t.CommissionPercent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) }),
            Changes = changes.Select(c => new { c.At, c.Actor, c.Action, c.OldValue, c.NewValue }),
        }, locale);
    }

    private static List<object> Rows(IEnumerable<CampaignOverview.Headline> headlines) => headlines.Select(h => (object)new
    {
        h.Campaign.Slug,
        h.Campaign.Name,
        State = State(h.Campaign.State),
        h.Campaign.LandingUrl,
        h.Campaign.Currency,
        h.Campaign.CreatedAt,
        h.Members,
        h.SignUps,
        h.Clicks,
    }).ToList();

    private static SettingView Default(Campaign campaign, bool joinedByStart) => (campaign.IsDefault, joinedByStart) switch
    {
        (true, true) => new("default", "yes", null, null),
        (true, false) => new("default", "yes", null, null, "not-running"),
        (false, true) => new("default", "yes", null, null, "fallback"),
        _ => new("default", "no", null, null),
    };

    private static string State(CampaignState state) => state.ToString().ToLowerInvariant();
}
