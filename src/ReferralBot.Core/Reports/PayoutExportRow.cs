using CsvHelper.Configuration.Attributes;

namespace ReferralBot.Core.Reports;

/// <summary>One payout line in <c>payouts-{slug}.csv</c>: its batch and where that stands, who, how much, where to (masked).</summary>
public sealed record PayoutExportRow(
    [property: Name("batch")] int Batch,
    [property: Name("state")] string State,
    [property: Name("created_at")] DateTime CreatedAt,
    [property: Name("settled_at")] DateTime? SettledAt,
    [property: Name("reference")] string Reference,
    [property: Name("code")] string? Code,
    [property: Name("name")] string? Name,
    [property: Name("method")] string Method,
    [property: Name("account")] string Account,
    [property: Name("amount")] decimal Amount,
    [property: Name("currency")] string Currency);
