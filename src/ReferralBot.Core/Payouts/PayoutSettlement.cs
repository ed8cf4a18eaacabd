using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Languages;

namespace ReferralBot.Core.Payouts;

/// <summary>
/// <c>/payouts paid</c> and <c>/payouts cancel</c>: an open batch is marked paid (each person is told in chat) or
/// cancelled (its payout entries reversed, so the money is payable again), once. The batch's state is the update's
/// condition, so of two admins at once only the first changes it; the other is told what happened.
/// </summary>
public sealed partial class PayoutSettlement(
    ReferralBotDbContext db, Outbox outbox, PromptRenderer prompts, LanguageSet languages, PayoutEvents events, AuditLog audit, TimeProvider time, ILogger<PayoutSettlement> logger)
{
    /// <summary>The batch as it is now (null: no such number), and whether this call settled it.</summary>
    public async Task<(PayoutBatch? Batch, bool Settled)> MarkPaidAsync(string actor, int number, CancellationToken cancellationToken)
    {
        var batch = await LoadAsync(number, cancellationToken);
        if (batch is not { State: PayoutBatchState.Open }) return (batch, false);

        var now = time.GetUtcNow().UtcDateTime;
        (batch.State, batch.SettledAt, batch.SettledBy) = (PayoutBatchState.Paid, now, actor);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == batch.CampaignId, cancellationToken);
        var personIds = batch.Lines.Select(l => l.PersonId).ToList();
        var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var line in batch.Lines)
        {
            var person = people[line.PersonId];
            var notice = await prompts.TextAsync(PromptName.PayoutPaidNotice, new
            {
                Campaign = campaign.Name,
                Amount = MoneyText.Format(line.Amount, batch.Currency),
                Account = line.Masked,
                line.Reference,
            }, languages.Of(person, campaign));
            outbox.Add(person, $"payout-paid:{line.Id}", [notice]);
        }

        audit.Record(actor, batch.CampaignId, "payouts paid", $"batch {number} open", $"batch {number} paid");
        events.Paid(campaign, batch);
        return await SaveAsync(batch, number, cancellationToken);
    }

    public async Task<(PayoutBatch? Batch, bool Settled)> CancelAsync(string actor, int number, CancellationToken cancellationToken)
    {
        var batch = await LoadAsync(number, cancellationToken);
        if (batch is not { State: PayoutBatchState.Open }) return (batch, false);

        var now = time.GetUtcNow().UtcDateTime;
        (batch.State, batch.SettledAt, batch.SettledBy) = (PayoutBatchState.Cancelled, now, actor);
        foreach (var line in batch.Lines)
        {
            db.Add(new LedgerEntry
            {
                Key = LedgerEntry.ReversalKey(line.LedgerEntryId),
                CampaignId = batch.CampaignId,
                MemberId = line.MemberId,
                Kind = LedgerKind.Payout,
                Amount = line.Amount,
                Currency = batch.Currency,
                ReversesEntryId = line.LedgerEntryId,
                CreatedAt = now,
                PayableAt = now,
            });
        }

        audit.Record(actor, batch.CampaignId, "payouts cancel", $"batch {number} open", $"batch {number} cancelled");
        return await SaveAsync(batch, number, cancellationToken);
    }

    private async Task<(PayoutBatch? Batch, bool Settled)> SaveAsync(PayoutBatch batch, int number, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
        {
            // Another admin settled it first: theirs stands.
            db.ChangeTracker.Clear();
            return (await LoadAsync(number, cancellationToken), false);
        }

        LogSettled(logger, number, batch.State.ToString().ToLowerInvariant(), LoggedText.Of(batch.SettledBy));
        return (batch, true);
    }

    private Task<PayoutBatch?> LoadAsync(int number, CancellationToken cancellationToken) =>
        db.Set<PayoutBatch>().Include(b => b.Lines).SingleOrDefaultAsync(b => b.Number == number, cancellationToken);

    [LoggerMessage(LogLevel.Information, "Payout batch {Number} {State} by {Actor}")]
    private static partial void LogSettled(ILogger logger, int number, string state, string actor);
}
