using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Stats;

/// <summary><c>/stats [campaign]</c>: clicks, sign-ups and purchases of each of your codes.</summary>
public sealed class StatsCommand(MemberDirectory members, MemberStatsQuery stats, PromptRenderer prompts) : IChatCommand
{
    public string Name => "stats";

    public string? MenuPrompt => PromptName.MenuStats;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var slug = context.Arguments.FirstOrDefault()?.ToLowerInvariant();
        var memberships = (await members.MembershipsAsync(context.Person.Id, cancellationToken))
            .Where(m => slug is null || m.Campaign.Slug == slug)
            .ToList();
        if (memberships.Count == 0)
        {
            var prompt = slug is null ? PromptName.StatsNotMember : PromptName.CampaignNotFound;
            return [await prompts.TextAsync(prompt, new { Slug = slug }, context.Locale)];
        }

        var campaigns = new List<object>();
        foreach (var member in memberships)
        {
            var tally = await stats.ForAsync(member.Id, cancellationToken);
            campaigns.Add(new
            {
                Campaign = member.Campaign.Name,
                Code = member.PrimaryCode,
                tally.Clicks,
                tally.LastClickAt,
                tally.SignUps,
                tally.LastSignUpAt,
                tally.Purchases,
            });
        }

        return [await prompts.TextAsync(PromptName.Stats, new { Campaigns = campaigns }, context.Locale,
            ReplyButton.Command(await prompts.RenderPlainAsync(PromptName.ButtonCode, null, context.Locale), "/code"))];
    }
}
