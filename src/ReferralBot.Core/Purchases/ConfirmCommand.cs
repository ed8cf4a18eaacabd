using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Purchases;

/// <summary>
/// <c>/confirm &lt;order-id&gt; &lt;CODE&gt; &lt;amount&gt; [currency]</c>: an admin reports a purchase made with a code,
/// as the shop's webhook would. The same order twice is recorded once.
/// </summary>
public sealed class ConfirmCommand(ReferralBotDbContext db, PurchaseIntake intake, CodeSuggester suggester, TimeProvider time, PromptRenderer prompts) : IChatCommand
{
    public string Name => "confirm";

    public bool AdminOnly => true;

    public string? MenuPrompt => PromptName.MenuConfirm;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        if (args.Count is < 3 or > 4) return [await Say(PromptName.ConfirmUsage, null, context)];
        var (orderId, codeText, amountText) = (args[0], args[1], args[2]);
        if (PurchaseRules.OrderIdProblem(orderId) is not null) return [await Say(PromptName.ConfirmBadValue, new { Problem = "order", Value = orderId.Length > 20 ? orderId[..20] + "…" : orderId }, context)];
        if (!CodeFormat.TryNormalize(codeText, out var code)) return [await Say(PromptName.ClaimInvalidCode, new { Input = codeText }, context)];

        var owner = await db.Codes.Where(c => c.Value == code).Select(c => new { c.Member.Campaign.Currency, c.Member.Person.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
            return [await Say(PromptName.ConfirmBadValue, new { Problem = "code", Value = code, Suggestion = await suggester.SuggestAsync(code, cancellationToken) }, context)];
        if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || PurchaseRules.AmountProblem(amount) is not null)
            return [await Say(PromptName.ConfirmBadValue, new { Problem = "amount", Value = amountText }, context)];
        var currency = args.Count == 4 ? args[3].ToUpperInvariant() : owner.Currency;

        var report = new PurchaseReport(orderId, amount, currency, time.GetUtcNow().UtcDateTime, code, null, null, null, context.Person.Address);
        var outcome = await intake.RecordAsync(report, cancellationToken);
        if (outcome.IsConflict)
            return [await Say(PromptName.ConfirmBadValue, new { Problem = "changed", Value = orderId, Detail = string.Join(" ", outcome.Differences!.Values) }, context)];
        if (outcome.Summary is not { } summary) return [await Say(PromptName.ConfirmBadValue, new { Problem = "refused", Value = currency, Detail = outcome.Refusal }, context)];

        var referrerName = summary.Purchase.ReferrerMemberId is { } id
            ? await db.Members.Where(m => m.Id == id).Select(m => m.Person.DisplayName).SingleAsync(cancellationToken)
            : null;
        return [await Say(PromptName.ConfirmDone, PurchaseChatModel.From(summary, outcome.IsNew, referrerName), context)];
    }

    private Task<TextReply> Say(string prompt, object? model, CommandContext context) => prompts.TextAsync(prompt, model, context.Locale);
}
