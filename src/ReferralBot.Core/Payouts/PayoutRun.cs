using Humanizer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Review;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Payouts;

/// <summary>
/// <c>/payouts run</c>: one batch with a line for everyone ready, and their <c>payout</c> ledger entries, in one
/// transaction. Each entry's key counts the member's payouts before it, read with their balance: two runs that read
/// the same balance write the same key and only one lands; the other works its batch out again from the new balances,
/// so the same money is never in two batches.
/// </summary>
public sealed partial class PayoutRun(
    ReferralBotDbContext db,
    PayoutCandidates candidates,
    FraudScan scan,
    PayoutFile file,
    PayoutEvents events,
    AuditLog audit,
    TimeProvider time,
    ILogger<PayoutRun> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>The batch made (null when nobody was ready) with its payout file's rows, and the standing it was made from.</summary>
    public async Task<PayoutRunResult> RunAsync(string actor, Campaign campaign, CancellationToken cancellationToken)
    {
        // The fraud rules look at what came in since their last scan first, so nothing they would flag is paid out.
        await scan.ScanAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var standing = await candidates.ForAsync(campaign, cancellationToken);
            if (standing.Ready.Count == 0) return new PayoutRunResult(null, [], standing);

            var batch = await NewBatchAsync(actor, campaign, standing.Ready, cancellationToken);
            db.Add(batch);
            audit.Record(actor, campaign.Id, "payouts run", null, $"batch {batch.Number}: {"line".ToQuantity(batch.Lines.Count)}, {MoneyText.Format(batch.Total, batch.Currency)}");
            var rows = file.Rows(batch, standing.Ready);
            events.Created(campaign, batch, rows);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < MaxAttempts)
            {
                // Another run took these balances (or the next number) first: work it out again from what it left.
                db.ChangeTracker.Clear();
                continue;
            }

            LogRun(logger, batch.Number, campaign.Slug, batch.Lines.Count, batch.Total, batch.Currency);
            return new PayoutRunResult(batch, rows, standing);
        }
    }

    private async Task<PayoutBatch> NewBatchAsync(string actor, Campaign campaign, IReadOnlyList<PayoutCandidate> ready, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var number = (await db.Set<PayoutBatch>().MaxAsync(b => (int?)b.Number, cancellationToken) ?? 0) + 1;
        var sequence = await db.Set<PayoutLine>().MaxAsync(l => (int?)l.Sequence, cancellationToken) ?? 0;
        var batch = new PayoutBatch
        {
            Number = number,
            CampaignId = campaign.Id,
            Currency = campaign.Currency,
            Total = ready.Sum(c => c.Money.Payable),
            CreatedAt = now,
            CreatedBy = actor,
        };
        foreach (var candidate in ready)
        {
            sequence++;
            var account = candidate.Account!;
            batch.Lines.Add(new PayoutLine
            {
                MemberId = candidate.MemberId,
                PersonId = candidate.PersonId,
                Sequence = sequence,
                Reference = PayoutLine.ReferenceFor(now, sequence),
                Amount = candidate.Money.Payable,
                Method = account.Method,
                Sealed = account.Sealed,
                Masked = account.Masked,
                LedgerEntry = new LedgerEntry
                {
                    Key = LedgerEntry.PayoutKey(campaign.Id, candidate.MemberId, candidate.Money.PayoutsMade),
                    CampaignId = campaign.Id,
                    MemberId = candidate.MemberId,
                    Kind = LedgerKind.Payout,
                    Amount = -candidate.Money.Payable,
                    Currency = campaign.Currency,
                    CreatedAt = now,
                    PayableAt = now,
                },
            });
        }

        return batch;
    }

    [LoggerMessage(LogLevel.Information, "Payout batch {Number} of {Campaign} made: {Lines} lines, {Total} {Currency}")]
    private static partial void LogRun(ILogger logger, int number, string campaign, int lines, decimal total, string currency);
}
