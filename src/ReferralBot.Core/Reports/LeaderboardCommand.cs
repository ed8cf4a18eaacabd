using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Reports;

/// <summary><c>/leaderboard [slug]</c>: the campaign's top 10 by purchases and the asker's own rank.</summary>
public sealed class LeaderboardCommand(MemberDirectory members, CampaignDirectory campaigns, LeaderboardQuery leaderboard, PromptRenderer prompts) : IChatCommand
{
    public const int Size = 10;

    public string Name => "leaderboard";

    public string? MenuPrompt => PromptName.MenuLeaderboard;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var slug = context.Arguments.FirstOrDefault();
        var mine = await members.MembershipsAsync(context.Person.Id, cancellationToken);
        var member = slug is null ? mine.FirstOrDefault() : mine.FirstOrDefault(m => m.Campaign.Slug == slug.ToLowerInvariant());
        var campaign = member?.Campaign
            ?? (slug is null ? await campaigns.DefaultAsync(cancellationToken) : await campaigns.FindAsync(slug, cancellationToken));
        if (campaign is null) return [await prompts.TextAsync(PromptName.CampaignNotFound, new { Slug = slug }, context.Locale)];

        var board = await leaderboard.ForAsync(campaign.Id, member?.Id, Size, cancellationToken);
        return [await prompts.TextAsync(PromptName.Leaderboard, new
        {
            Campaign = campaign.Name,
            Rows = board.Top.Select(r => new
            {
                r.Rank,
                r.Standing.Name,
                r.Standing.Code,
                r.Standing.Purchases,
                Revenue = MoneyText.Format(r.Standing.Revenue, campaign.Currency),
                Mine = r.Standing.MemberId == member?.Id,
            }).ToList(),
            IsMember = member is not null,
            Rank = board.AskerRank,
            board.Members,
            MyPurchases = board.AskerPurchases,
            Hidden = context.Person.HiddenFromLeaderboards,
        }, context.Locale)];
    }
}
