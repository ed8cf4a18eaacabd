using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Payouts;

/// <summary>
/// <c>/payouts [slug]</c> (who is payable, who left no details, open batches), <c>/payouts run [slug]</c> (a batch and
/// its file), <c>/payouts paid &lt;batch&gt;</c> and <c>/payouts cancel &lt;batch&gt;</c>, for admins.
/// </summary>
public sealed class PayoutsCommand(
    ReferralBotDbContext db,
    CampaignDirectory campaigns,
    PayoutCandidates candidates,
    PayoutRun run,
    PayoutSettlement settlement,
    PayToReminders reminders,
    PromptRenderer prompts) : IChatCommand
{
    public string Name => "payouts";

    public bool AdminOnly => true;

    public string? MenuPrompt => PromptName.MenuPayouts;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var sub = args.Count > 0 ? args[0].ToLowerInvariant() : "";
        return sub switch
        {
            "run" when args.Count <= 2 => await RunAsync(context, args.ElementAtOrDefault(1), cancellationToken),
            "paid" or "cancel" when args.Count == 2 => [await SettleAsync(context, sub, args[1], cancellationToken)],
            "run" or "paid" or "cancel" => [await prompts.TextAsync(PromptName.PayoutsUsage, null, context.Locale)],
            _ when args.Count <= 1 => [await ListAsync(context, args.ElementAtOrDefault(0), cancellationToken)],
            _ => [await prompts.TextAsync(PromptName.PayoutsUsage, null, context.Locale)],
        };
    }

    private async Task<TextReply> ListAsync(CommandContext context, string? slug, CancellationToken cancellationToken)
    {
        if (await CampaignAsync(slug, cancellationToken) is not { } campaign) return await UnknownAsync(context, slug);
        var standing = await candidates.ForAsync(campaign, cancellationToken);
        var asked = await reminders.AskAsync(campaign, standing.MissingDetails, cancellationToken);
        var open = await db.Set<PayoutBatch>().AsNoTracking().Where(b => b.CampaignId == campaign.Id && b.State == PayoutBatchState.Open)
            .OrderBy(b => b.Number).Select(b => new { b.Number, Lines = b.Lines.Count, b.Total, b.CreatedAt }).ToListAsync(cancellationToken);
        return await prompts.TextAsync(PromptName.PayoutsList, new
        {
            Standing = Model(campaign, standing, asked),
            Open = open.Select(b => new { b.Number, b.Lines, Total = Money(b.Total, campaign), b.CreatedAt }),
        }, context.Locale);
    }

    private async Task<IReadOnlyList<Reply>> RunAsync(CommandContext context, string? slug, CancellationToken cancellationToken)
    {
        if (await CampaignAsync(slug, cancellationToken) is not { } campaign) return [await UnknownAsync(context, slug)];
        var result = await run.RunAsync(context.Person.Address, campaign, cancellationToken);
        var asked = await reminders.AskAsync(campaign, result.Standing.MissingDetails, cancellationToken);
        var model = new
        {
            Standing = Model(campaign, result.Standing, asked),
            Batch = result.Batch is { } b ? new { b.Number, Lines = b.Lines.Count, Total = Money(b.Total, campaign) } : null,
        };
        var text = await prompts.TextAsync(PromptName.PayoutsRun, model, context.Locale);
        if (result.Batch is not { } batch) return [text];

        var file = await PayoutFile.CsvAsync(result.Rows, cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"payouts-{campaign.Slug}-batch-{batch.Number}.csv");
        return [text, new DocumentReply(file, name, "text/csv", await prompts.RenderAsync(PromptName.PayoutsFileCaption, model, context.Locale))];
    }

    private async Task<TextReply> SettleAsync(CommandContext context, string sub, string argument, CancellationToken cancellationToken)
    {
        if (!int.TryParse(argument.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            return await prompts.TextAsync(PromptName.PayoutsUsage, null, context.Locale);

        var (batch, settled) = sub == "paid"
            ? await settlement.MarkPaidAsync(context.Person.Address, number, cancellationToken)
            : await settlement.CancelAsync(context.Person.Address, number, cancellationToken);
        var currency = batch?.Currency ?? "";
        return await prompts.TextAsync(PromptName.PayoutsSettled, new
        {
            Number = number,
            Asked = sub,
            Found = batch is not null,
            Settled = settled,
            State = batch?.State.ToString().ToLowerInvariant(),
            batch?.SettledAt,
            batch?.SettledBy,
            Lines = batch?.Lines.Count ?? 0,
            Total = batch is null ? null : MoneyText.Format(batch.Total, currency),
        }, context.Locale);
    }

    private static object Model(Campaign campaign, PayoutStanding standing, int asked) => new
    {
        Campaign = campaign.Name,
        campaign.Slug,
        Minimum = Money(standing.Minimum, campaign),
        Ready = standing.Ready.Select(c => new { c.Name, c.Code, Amount = Money(c.Money.Payable, campaign), Account = c.Account!.Masked }),
        ReadyTotal = Money(standing.Ready.Sum(c => c.Money.Payable), campaign),
        Missing = standing.MissingDetails.Select(c => new { c.Name, c.Code, Amount = Money(c.Money.Payable, campaign) }),
        Asked = asked,
        Below = standing.BelowMinimum.Count,
        BelowTotal = Money(standing.BelowMinimum.Sum(c => c.Money.Payable), campaign),
        Owing = standing.OwingBack.Select(c => new { c.Name, c.Code, Amount = Money(c.Money.OwedBack, campaign) }),
    };

    private Task<Campaign?> CampaignAsync(string? slug, CancellationToken cancellationToken) =>
        slug is null ? campaigns.DefaultAsync(cancellationToken) : campaigns.FindAsync(slug, cancellationToken);

    private Task<TextReply> UnknownAsync(CommandContext context, string? slug) =>
        prompts.TextAsync(PromptName.CampaignUnknown, new { Slug = slug ?? "(default)" }, context.Locale);

    private static string Money(decimal amount, Campaign campaign) => MoneyText.Format(amount, campaign.Currency);
}
