using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Members;

/// <summary>
/// What <c>/stats [campaign]</c> and <c>/earnings [campaign]</c> report on: the asker's memberships, or only the one in the
/// campaign they name; when there is none, the answer that says so (no code yet, or no such campaign of theirs).
/// </summary>
public sealed class CampaignMemberships(MemberDirectory members, PromptRenderer prompts)
{
    public async Task<(IReadOnlyList<Member> Memberships, TextReply? None)> ForAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var slug = context.Arguments.FirstOrDefault()?.ToLowerInvariant();
        var memberships = (await members.MembershipsAsync(context.Person.Id, cancellationToken))
            .Where(m => slug is null || m.Campaign.Slug == slug)
            .ToList();
        if (memberships.Count > 0) return (memberships, null);

        var prompt = slug is null ? PromptName.StatsNotMember : PromptName.CampaignNotFound;
        return (memberships, await prompts.TextAsync(prompt, new { Slug = slug }, context.Locale));
    }
}
