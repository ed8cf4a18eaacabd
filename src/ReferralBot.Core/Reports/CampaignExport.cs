using CsvHelper;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Reports;

/// <summary>
/// The CSV documents of <c>/export</c> (CsvHelper, RFC 4180, UTF-8 with a BOM so spreadsheets read names right):
/// members with their tallies and tier, the rewards ledger, and the payouts made. Rows stream from the database.
/// </summary>
public sealed class CampaignExport(ReferralBotDbContext db, CampaignReportQuery reports, TierStanding standing)
{
    public async Task<byte[]> MembersAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var report = await reports.ForAsync(campaign.Id, cancellationToken);
        var tallies = report.Members.ToDictionary(m => m.MemberId);
        var ladder = await standing.LadderAsync(campaign, cancellationToken);
        var members = db.Members.AsNoTracking().Where(m => m.CampaignId == campaign.Id).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Person.DisplayName, m.Role, m.JoinedAt, Code = m.Codes.Where(c => c.IsPrimary).Select(c => c.Value).First() })
            .AsAsyncEnumerable();
        return await WriteAsync(async csv =>
        {
            await foreach (var m in members.WithCancellation(cancellationToken))
            {
                var t = tallies.GetValueOrDefault(m.Id);
                var purchases = t?.Purchases ?? 0;
                csv.WriteRecord(new MemberExportRow(
                    m.Code, m.DisplayName, m.Role == MemberRole.Influencer ? "influencer" : "customer",
                    t?.UniqueClicks ?? 0, t?.SignUps ?? 0, purchases, t?.Refunded ?? 0, t?.Revenue ?? 0m, t?.Earned ?? 0m, campaign.Currency,
                    m.Role == MemberRole.Influencer ? ladder.At(purchases)?.Name : null,
                    m.JoinedAt));
                await csv.NextRecordAsync();
            }
        }, typeof(MemberExportRow));
    }

    public async Task<byte[]> LedgerAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var entries = db.Set<LedgerEntry>().AsNoTracking().Where(e => e.CampaignId == campaign.Id).OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.CreatedAt, OrderId = (string?)e.Purchase!.OrderId, e.Kind, e.Amount, e.Currency, e.RatePercent, e.TierName, e.ReversesEntryId, e.PayableAt,
                Code = db.Codes.Where(c => c.MemberId == e.MemberId && c.IsPrimary).Select(c => c.Value).FirstOrDefault(),
                Name = db.Members.Where(m => m.Id == e.MemberId).Select(m => m.Person.DisplayName).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        return await WriteAsync(async csv =>
        {
            await foreach (var e in entries.WithCancellation(cancellationToken))
            {
                csv.WriteRecord(new LedgerExportRow(e.Id, e.CreatedAt, e.OrderId, LedgerKindNames.Of(e.Kind), e.Code, e.Name, e.Amount, e.Currency, e.RatePercent, e.TierName, e.ReversesEntryId, e.PayableAt));
                await csv.NextRecordAsync();
            }
        }, typeof(LedgerExportRow));
    }

    /// <summary>Every payout line of the campaign, batch by batch; accounts masked (the full ones are only in a batch's payout file).</summary>
    public async Task<byte[]> PayoutsAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var lines = db.Set<PayoutLine>().AsNoTracking().Where(l => l.Batch.CampaignId == campaign.Id).OrderBy(l => l.Batch.Number).ThenBy(l => l.Sequence)
            .Select(l => new
            {
                l.Batch.Number, l.Batch.State, l.Batch.CreatedAt, l.Batch.SettledAt, l.Reference, l.Method, l.Masked, l.Amount, l.Batch.Currency,
                Code = db.Codes.Where(c => c.MemberId == l.MemberId && c.IsPrimary).Select(c => c.Value).FirstOrDefault(),
                Name = db.People.Where(p => p.Id == l.PersonId).Select(p => p.DisplayName).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        return await WriteAsync(async csv =>
        {
            await foreach (var l in lines.WithCancellation(cancellationToken))
            {
                csv.WriteRecord(new PayoutExportRow(l.Number, l.State.ToString().ToLowerInvariant(), l.CreatedAt, l.SettledAt, l.Reference, l.Code,
                    CsvDocument.Text(l.Name), l.Method.ToString().ToLowerInvariant(), l.Masked, l.Amount, l.Currency));
                await csv.NextRecordAsync();
            }
        }, typeof(PayoutExportRow));
    }

    private static Task<byte[]> WriteAsync(Func<CsvWriter, Task> rows, Type row) => CsvDocument.WriteAsync(rows, row);
}
