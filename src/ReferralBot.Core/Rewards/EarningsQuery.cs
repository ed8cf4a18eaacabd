using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Members;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Reports;
using ReferralBot.Core.Review;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Rewards;

/// <summary>
/// The one reckoning of what members earned, what is pending, payable, paid and owed back: grouped sums in the database
/// (one row per member, kind, reversal or not, past the hold or not), folded by <see cref="Earnings.From"/>.
/// </summary>
public sealed class EarningsQuery(ReferralBotDbContext db, ReviewHolds holds, TimeProvider time)
{
    public async Task<Earnings> ForAsync(Member member, CancellationToken cancellationToken)
    {
        var rows = await SumsAsync(db.Set<LedgerEntry>().Where(e => e.MemberId == member.Id && e.CampaignId == member.CampaignId), cancellationToken);
        var inPayment = await InPaymentAsync(OpenLines().Where(l => l.MemberId == member.Id), cancellationToken);
        return Earnings.From(rows, inPayment.GetValueOrDefault(member.Id));
    }

    /// <summary>Every member of the campaign with anything in the ledger.</summary>
    public async Task<IReadOnlyDictionary<int, Earnings>> ByMemberAsync(int campaignId, CancellationToken cancellationToken)
    {
        var rows = await SumsAsync(db.Set<LedgerEntry>().Where(e => e.CampaignId == campaignId && e.MemberId != null), cancellationToken);
        var inPayment = await InPaymentAsync(OpenLines().Where(l => l.Batch.CampaignId == campaignId), cancellationToken);
        return rows.GroupBy(r => r.MemberId).ToDictionary(g => g.Key, g => Earnings.From(g, inPayment.GetValueOrDefault(g.Key)));
    }

    /// <summary>The member's pending money by when it becomes payable, soonest first (amounts a refund cancelled, and those under review, left out).</summary>
    public async Task<IReadOnlyList<(DateTime PayableAt, decimal Amount)>> UpcomingAsync(Member member, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (held, members) = await holds.OpenAsync(cancellationToken);
        if (members.Contains(member.Id)) return [];
        var upcoming = await db.Set<LedgerEntry>()
            .Where(e => e.MemberId == member.Id && e.CampaignId == member.CampaignId && RewardKinds.Earned.Contains(e.Kind) && e.PayableAt > now
                && !held.Contains(e.PurchaseId!.Value))
            .GroupBy(e => e.PayableAt)
            .Select(g => new { PayableAt = g.Key, Sum = g.Sum(e => (double)e.Amount) })
            .OrderBy(x => x.PayableAt)
            .ToListAsync(cancellationToken);
        return upcoming.Select(x => (x.PayableAt, Amount: ReportMoney.FromSum(x.Sum))).Where(x => x.Amount != 0m).ToList();
    }

    /// <summary>The member's latest payouts, paid or on their way (cancelled ones left out), newest first.</summary>
    public async Task<IReadOnlyList<PayoutLineView>> PayoutsAsync(Member member, int count, CancellationToken cancellationToken) =>
        await db.Set<PayoutLine>().AsNoTracking()
            .Where(l => l.MemberId == member.Id && l.Batch.State != PayoutBatchState.Cancelled)
            .OrderByDescending(l => l.Batch.CreatedAt).ThenByDescending(l => l.Id)
            .Take(count)
            .Select(l => new PayoutLineView(l.Reference, l.Amount, l.Masked, l.Batch.State == PayoutBatchState.Paid, l.Batch.CreatedAt, l.Batch.SettledAt))
            .ToListAsync(cancellationToken);

    private IQueryable<PayoutLine> OpenLines() => db.Set<PayoutLine>().Where(l => l.Batch.State == PayoutBatchState.Open);

    private static async Task<Dictionary<int, decimal>> InPaymentAsync(IQueryable<PayoutLine> lines, CancellationToken cancellationToken) =>
        (await lines.GroupBy(l => l.MemberId).Select(g => new { MemberId = g.Key, Sum = g.Sum(l => (double)l.Amount) }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.MemberId, x => ReportMoney.FromSum(x.Sum));

    private async Task<List<LedgerSum>> SumsAsync(IQueryable<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (purchases, members) = await holds.OpenAsync(cancellationToken);
        var sums = await entries
            .Where(e => e.Kind != LedgerKind.Discount)
            .GroupBy(e => new
            {
                MemberId = e.MemberId!.Value, e.Kind, Reversal = e.ReversesEntryId != null, Matured = e.PayableAt <= now,
                Held = e.Kind != LedgerKind.Payout && (purchases.Contains(e.PurchaseId!.Value) || members.Contains(e.MemberId!.Value)),
            })
            .Select(g => new { g.Key.MemberId, g.Key.Kind, g.Key.Reversal, g.Key.Matured, g.Key.Held, Sum = g.Sum(e => (double)e.Amount), Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Summed as doubles (SQLite keeps decimals as text), each group rounded back to the cent.
        return sums.Select(s => new LedgerSum(s.MemberId, s.Kind, s.Reversal, s.Matured, ReportMoney.FromSum(s.Sum), s.Count, s.Held)).ToList();
    }
}
