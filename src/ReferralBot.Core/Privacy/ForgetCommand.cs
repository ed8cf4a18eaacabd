using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Privacy;

/// <summary>
/// <c>/forget</c> asks, <c>/forget yes</c> erases (see <see cref="PersonalDataEraser"/>): the bot writes to them no more
/// (pending nudges are skipped as erased). Their codes, claims and ledger stay, since money may be owed; they are tied
/// to no one nameable until the person writes again.
/// </summary>
public sealed class ForgetCommand(ReferralBotDbContext db, PersonalDataEraser eraser, PromptRenderer prompts) : IChatCommand
{
    public string Name => "forget";

    public string? MenuPrompt => PromptName.MenuForget;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!string.Equals(context.Line.ArgumentText.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
            return [await prompts.TextAsync(PromptName.ForgetConfirm, null, context.Locale)];

        await eraser.EraseAsync(context.Person, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return [await prompts.TextAsync(PromptName.ForgetDone, null, context.Locale)];
    }
}
