using CsvHelper.Configuration.Attributes;

namespace ReferralBot.Core.Payouts;

/// <summary>
/// One transfer of a payout file, in the columns a bank's bulk-transfer or PayNow upload maps: who (the account holder
/// for a bank, else the member's name), their code, the method, the account in full, its bank, the amount and the reference.
/// </summary>
public sealed record PayoutFileRow(
    [property: Name("name")] string? Name,
    [property: Name("code")] string Code,
    [property: Name("method")] string Method,
    [property: Name("account")] string Account,
    [property: Name("bank")] string? Bank,
    [property: Name("amount")] decimal Amount,
    [property: Name("currency")] string Currency,
    [property: Name("reference")] string Reference);
