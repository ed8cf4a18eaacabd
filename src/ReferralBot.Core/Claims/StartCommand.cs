using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Claims;

/// <summary>
/// <c>/start</c> joins the default campaign and hands out your code; <c>/start CODE</c> (what a deep link
/// sends) claims the code first.
/// </summary>
public sealed class StartCommand(
    ClaimService claims,
    ClaimReplies replies,
    MemberDirectory members,
    MembershipResolver memberships,
    CodeCardBuilder cards,
    ReferralLookup referrals,
    PromptRenderer prompts) : IChatCommand
{
    /// <summary>A deep link's parameter that only opens the chat (Telegram's inline mode sends people here): no code to claim.</summary>
    public const string JoinParameter = "join-here";

    public string Name => "start";

    public string? MenuPrompt => PromptName.MenuStart;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Count > 0 && context.Arguments[0] != JoinParameter)
        {
            var outcome = await claims.ClaimAsync(context.Person, context.Arguments[0], ClaimVia.DeepLink, cancellationToken);
            return await replies.ForAsync(outcome, context.Locale);
        }

        var returning = (await members.MembershipsAsync(context.Person.Id, cancellationToken)).Count > 0;
        var member = await memberships.ResolveAsync(context.Person, slug: null, join: true, cancellationToken);
        if (member is null) return [await prompts.TextAsync(PromptName.NoCampaign, null, context.Locale)];

        var intro = returning ? PromptName.WelcomeBack : PromptName.Welcome;
        return await cards.BuildAsync(member, await referrals.ForAsync(member, cancellationToken), context.Locale, intro, new
        {
            DisplayName = context.Person.DisplayName,
            Campaign = member.Campaign.Name,
            Code = member.PrimaryCode,
        });
    }
}
