using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Purchases;

/// <summary><c>/refund &lt;order-id&gt;</c>: an admin refunds a whole order; its rewards are reversed, once.</summary>
public sealed class RefundCommand(RefundIntake intake, TimeProvider time, PromptRenderer prompts) : IChatCommand
{
    public string Name => "refund";

    public bool AdminOnly => true;

    public string? MenuPrompt => PromptName.MenuRefund;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Count != 1 || PurchaseRules.OrderIdProblem(context.Arguments[0]) is not null)
            return [await prompts.TextAsync(PromptName.RefundUsage, null, context.Locale)];

        var orderId = context.Arguments[0];
        var outcome = await intake.RecordAsync(new RefundReport(orderId, time.GetUtcNow().UtcDateTime, null, context.Person.Address), cancellationToken);
        return outcome.Summary is { } summary
            ? [await prompts.TextAsync(PromptName.RefundDone, PurchaseChatModel.From(summary, outcome.IsNew, null), context.Locale)]
            : [await prompts.TextAsync(PromptName.RefundUnknown, new { OrderId = orderId }, context.Locale)];
    }
}
