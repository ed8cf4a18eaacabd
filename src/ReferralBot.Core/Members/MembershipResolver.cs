using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Members;

/// <summary>Which membership a command is about: the named campaign's, else the person's latest, else the default's.</summary>
public sealed class MembershipResolver(MemberDirectory members, CampaignDirectory campaigns, PromptRenderer prompts, TimeProvider time)
{
    /// <summary>The membership, joining the campaign when <paramref name="join"/> allows it; null if there is none to have.</summary>
    public async Task<Member?> ResolveAsync(Person person, string? slug, bool join, CancellationToken cancellationToken)
    {
        var memberships = await members.MembershipsAsync(person.Id, cancellationToken);
        if (slug is not null)
        {
            var named = memberships.FirstOrDefault(m => m.Campaign.Slug == slug.ToLowerInvariant());
            if (named is not null || !join) return named;
            var campaign = await campaigns.FindAsync(slug, cancellationToken);
            return campaign is not null && campaign.AcceptsClaimsAt(time.GetUtcNow().UtcDateTime)
                ? (await members.JoinAsync(person, campaign, cancellationToken)).Member
                : null;
        }

        if (memberships.Count > 0 || !join) return memberships.FirstOrDefault();
        var fallback = await campaigns.DefaultAsync(cancellationToken);
        return fallback is null ? null : (await members.JoinAsync(person, fallback, cancellationToken)).Member;
    }

    /// <summary>
    /// For <c>/command [campaign]</c>: the membership of the named (or current) campaign, joining it if need be,
    /// or the reply that explains why there is none.
    /// </summary>
    public async Task<(Member? Member, Reply? Refusal)> ResolveForAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var slug = context.Arguments.FirstOrDefault();
        var member = await ResolveAsync(context.Person, slug, join: true, cancellationToken);
        if (member is not null) return (member, null);

        var prompt = slug is null ? PromptName.NoCampaign : PromptName.CampaignNotFound;
        return (null, await prompts.TextAsync(prompt, new { Slug = slug }, context.Locale));
    }
}
