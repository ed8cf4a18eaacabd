using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Reports;

/// <summary><c>/export [slug]</c> for admins: <c>members-{slug}.csv</c>, <c>ledger-{slug}.csv</c> and <c>payouts-{slug}.csv</c>.</summary>
public sealed class ExportCommand(CampaignDirectory campaigns, CampaignExport export, TimeProvider time, PromptRenderer prompts) : IChatCommand
{
    public string Name => "export";

    public bool AdminOnly => true;

    public string? MenuPrompt => PromptName.MenuExport;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var slug = context.Arguments.FirstOrDefault();
        var campaign = slug is null ? await campaigns.DefaultAsync(cancellationToken) : await campaigns.FindAsync(slug, cancellationToken);
        if (campaign is null) return [await prompts.TextAsync(PromptName.CampaignUnknown, new { Slug = slug ?? "(default)" }, context.Locale)];

        var day = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var model = new { Campaign = campaign.Name, campaign.Slug, campaign.Currency };
        return
        [
            new DocumentReply(await export.MembersAsync(campaign, cancellationToken), $"members-{campaign.Slug}-{day}.csv", "text/csv",
                await prompts.RenderAsync(PromptName.ExportMembersCaption, model, context.Locale)),
            new DocumentReply(await export.LedgerAsync(campaign, cancellationToken), $"ledger-{campaign.Slug}-{day}.csv", "text/csv",
                await prompts.RenderAsync(PromptName.ExportLedgerCaption, model, context.Locale)),
            new DocumentReply(await export.PayoutsAsync(campaign, cancellationToken), $"payouts-{campaign.Slug}-{day}.csv", "text/csv",
                await prompts.RenderAsync(PromptName.ExportPayoutsCaption, model, context.Locale)),
        ];
    }
}
