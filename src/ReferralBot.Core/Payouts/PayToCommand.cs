using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Payouts;

/// <summary>
/// <c>/payto paynow|paypal|bank …</c> sets where your money goes, <c>/payto</c> shows it (masked), <c>/payto remove</c>
/// removes it. A bad form changes nothing and says what was expected. Asked only in a private chat (a group gets sent there).
/// </summary>
public sealed class PayToCommand(ReferralBotDbContext db, PayoutAccounts accounts, PromptRenderer prompts) : IChatCommand
{
    public string Name => "payto";

    public string? MenuPrompt => PromptName.MenuPayTo;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var personId = context.Person.Id;
        if (context.Arguments.Count == 0)
        {
            var account = await accounts.FindAsync(personId, cancellationToken);
            return [await prompts.TextAsync(PromptName.PayToShow, new { account?.Masked, account?.UpdatedAt }, context.Locale)];
        }

        var method = context.Arguments[0].ToLowerInvariant();
        if (method == "remove" && context.Arguments.Count == 1)
        {
            var removed = await accounts.RemoveAsync(personId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return [await prompts.TextAsync(PromptName.PayToRemoved, new { Removed = removed }, context.Locale)];
        }

        var value = context.Line.ArgumentText[context.Arguments[0].Length..];
        if (method is not ("paynow" or "paypal" or "bank") || value.Trim().Length == 0)
            return [await prompts.TextAsync(PromptName.PayToUsage, null, context.Locale)];
        if (PayoutDetailsParser.Parse(method, value, out var problem) is not { } details)
            return [await prompts.TextAsync(PromptName.PayToInvalid, new { Problem = problem }, context.Locale)];

        var before = await accounts.SetAsync(personId, details, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return [await prompts.TextAsync(PromptName.PayToSet, new { details.Masked, Before = before }, context.Locale)];
    }
}
