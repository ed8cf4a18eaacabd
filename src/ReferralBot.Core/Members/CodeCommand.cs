using ReferralBot.Core.Prompts;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Members;

/// <summary><c>/code [campaign]</c>: your code, web link, deep link, QR and a share button.</summary>
public sealed class CodeCommand(MembershipResolver memberships, CodeCardBuilder cards, ReferralLookup referrals) : IChatCommand
{
    public string Name => "code";

    public string? MenuPrompt => PromptName.MenuCode;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (member, refusal) = await memberships.ResolveForAsync(context, cancellationToken);
        return member is null ? [refusal!] : await cards.BuildAsync(member, await referrals.ForAsync(member, cancellationToken), context.Locale);
    }
}
