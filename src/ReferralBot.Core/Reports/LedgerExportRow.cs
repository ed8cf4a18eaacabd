using CsvHelper.Configuration.Attributes;

namespace ReferralBot.Core.Reports;

/// <summary>One ledger entry in <c>ledger-{slug}.csv</c>: what to pay whom, reversals and payouts included.</summary>
public sealed record LedgerExportRow(
    [property: Name("entry_id")] long EntryId,
    [property: Name("created_at")] DateTime CreatedAt,
    [property: Name("order_id")] string? OrderId,
    [property: Name("kind")] string Kind,
    [property: Name("code")] string? Code,
    [property: Name("name")] string? Name,
    [property: Name("amount")] decimal Amount,
    [property: Name("currency")] string Currency,
    [property: Name("rate_percent")] decimal? RatePercent,
    [property: Name("tier")] string? Tier,
    [property: Name("reverses_entry_id")] long? ReversesEntryId,
    [property: Name("payable_at")] DateTime PayableAt);
