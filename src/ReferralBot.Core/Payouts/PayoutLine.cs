using ReferralBot.Core.Rewards;

namespace ReferralBot.Core.Payouts;

/// <summary>
/// What one member is paid in a batch, and where to: the details as they were when the batch was made, sealed (cleared
/// by <c>/forget</c>), and masked. <see cref="Reference"/> (RB-2026-12-0007) goes with the transfer and is unique.
/// </summary>
public sealed class PayoutLine
{
    public long Id { get; private set; }
    public int BatchId { get; init; }
    public PayoutBatch Batch { get; init; } = null!;
    public int MemberId { get; init; }
    public int PersonId { get; init; }

    /// <summary>Counts every line ever made, so references never repeat.</summary>
    public int Sequence { get; init; }
    public required string Reference { get; init; }
    public decimal Amount { get; init; }
    public PayoutMethod Method { get; init; }
    public string? Sealed { get; set; }
    public required string Masked { get; init; }
    public long LedgerEntryId { get; init; }
    public LedgerEntry LedgerEntry { get; init; } = null!;

    public static string ReferenceFor(DateTime createdAt, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"RB-{createdAt:yyyy-MM}-{sequence:0000}");
}
