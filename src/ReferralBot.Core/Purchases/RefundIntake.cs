using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Purchases;

/// <summary>
/// Refunds a whole order: one refund row (unique per purchase) and a reversing ledger entry for each of its rewards,
/// in one transaction. Nothing is edited or deleted; a replay finds the refund and reverses nothing again.
/// </summary>
public sealed partial class RefundIntake(ReferralBotDbContext db, PurchaseLookup lookup, TimeProvider time, ILogger<RefundIntake> logger)
{
    public async Task<RefundOutcome> RecordAsync(RefundReport report, CancellationToken cancellationToken)
    {
        var summary = await lookup.FindAsync(report.OrderId, cancellationToken);
        if (summary is null) return new RefundOutcome(null, IsNew: false);
        if (summary.Refund is not null) return new RefundOutcome(summary, IsNew: false);

        var now = time.GetUtcNow().UtcDateTime;
        db.Add(new Refund
        {
            PurchaseId = summary.Purchase.Id,
            OrderId = summary.Purchase.OrderId,
            OccurredAt = report.OccurredAt,
            ReceivedAt = now,
            Reason = report.Reason,
            ReportedBy = report.ReportedBy,
        });
        var rewards = await db.Set<LedgerEntry>().AsNoTracking()
            .Where(e => e.PurchaseId == summary.Purchase.Id && e.ReversesEntryId == null)
            .ToListAsync(cancellationToken);
        db.AddRange(rewards.Select(e => LedgerEntry.ReversalOf(e, now)));

        // Nudges of the order that have not gone out are withdrawn in the same transaction.
        var pending = await db.Set<Nudge>().Where(n => n.OrderId == report.OrderId && n.State == NudgeState.Pending).ToListAsync(cancellationToken);
        foreach (var nudge in pending) (nudge.State, nudge.Reason, nudge.SettledAt) = (NudgeState.Cancelled, "refunded", now);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear(); // the same refund arrived at the same moment; the first one stands
            return new RefundOutcome(await lookup.FindAsync(report.OrderId, cancellationToken), IsNew: false);
        }

        db.ChangeTracker.Clear();
        LogRefunded(logger, LoggedText.Of(report.OrderId), rewards.Count);
        return new RefundOutcome(await lookup.FindAsync(report.OrderId, cancellationToken), IsNew: true);
    }

    [LoggerMessage(LogLevel.Information, "Order {OrderId} refunded; {Reversed} ledger entries reversed")]
    private static partial void LogRefunded(ILogger logger, string orderId, int reversed);
}
