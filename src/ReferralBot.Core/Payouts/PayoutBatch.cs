namespace ReferralBot.Core.Payouts;

/// <summary>
/// One <c>/payouts run</c>: a line for each member paid, with the <c>payout</c> ledger entries written in the same
/// transaction. <see cref="Number"/> is unique and what admins type (<c>/payouts paid 7</c>).
/// </summary>
public sealed class PayoutBatch
{
    public int Id { get; private set; }
    public int Number { get; init; }
    public int CampaignId { get; init; }
    public required string Currency { get; init; }
    public decimal Total { get; init; }
    public PayoutBatchState State { get; set; } = PayoutBatchState.Open;
    public DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    /// <summary>When it was marked paid or cancelled, and by whom.</summary>
    public DateTime? SettledAt { get; set; }
    public string? SettledBy { get; set; }
    public List<PayoutLine> Lines { get; init; } = [];
}
