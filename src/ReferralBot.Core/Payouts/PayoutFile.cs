using ReferralBot.Core.Reports;

namespace ReferralBot.Core.Payouts;

/// <summary>
/// The payout file of a batch: the one place payout details are written in full. Built when the batch is made, from
/// the details sealed on its lines; it goes to the admin who ran it (and, as JSON, to the payout webhook).
/// </summary>
public sealed class PayoutFile(PayoutDetailsVault vault)
{
    public IReadOnlyList<PayoutFileRow> Rows(PayoutBatch batch, IReadOnlyList<PayoutCandidate> paid)
    {
        var byMember = paid.ToDictionary(c => c.MemberId);
        return batch.Lines.Select(line =>
        {
            var member = byMember[line.MemberId];
            var details = vault.Open(line.Sealed!);
            var name = details.Method == PayoutMethod.Bank ? details.AccountName : member.Name;
            return new PayoutFileRow(CsvDocument.Text(name), member.Code, details.MethodName, details.Account, CsvDocument.Text(details.Bank),
                line.Amount, batch.Currency, line.Reference);
        }).ToList();
    }

    public static Task<byte[]> CsvAsync(IReadOnlyList<PayoutFileRow> rows, CancellationToken cancellationToken) =>
        CsvDocument.WriteAsync(async csv =>
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                csv.WriteRecord(row);
                await csv.NextRecordAsync();
            }
        }, typeof(PayoutFileRow));
}
