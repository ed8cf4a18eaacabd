using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Campaigns;

/// <summary><c>/terms [campaign]</c>: the campaign's terms, for anyone.</summary>
public sealed class TermsCommand(MembershipResolver memberships, CampaignDirectory campaigns, PromptRenderer prompts) : IChatCommand
{
    public string Name => "terms";

    public string? MenuPrompt => PromptName.MenuTerms;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var slug = context.Arguments.FirstOrDefault();
        var campaign = slug is not null
            ? await campaigns.FindAsync(slug, cancellationToken)
            : (await memberships.ResolveAsync(context.Person, null, join: false, cancellationToken))?.Campaign ?? await campaigns.DefaultAsync(cancellationToken);
        if (campaign is null) return [await prompts.TextAsync(slug is null ? PromptName.NoCampaign : PromptName.CampaignNotFound, new { Slug = slug }, context.Locale)];

        return [await prompts.TextAsync(PromptName.Terms, new { Campaign = campaign.Name, campaign.Terms }, context.Locale)];
    }
}
