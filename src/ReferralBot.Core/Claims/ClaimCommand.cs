using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Claims;

/// <summary><c>/claim CODE</c>: the friend who gave you the code becomes your referrer.</summary>
public sealed class ClaimCommand(ClaimService claims, ClaimReplies replies, PromptRenderer prompts) : IChatCommand
{
    public string Name => "claim";

    public string? MenuPrompt => PromptName.MenuClaim;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Count == 0) return [await prompts.TextAsync(PromptName.ClaimUsage, null, context.Locale)];

        var outcome = await claims.ClaimAsync(context.Person, context.Line.ArgumentText, ClaimVia.Command, cancellationToken);
        return await replies.ForAsync(outcome, context.Locale);
    }
}
