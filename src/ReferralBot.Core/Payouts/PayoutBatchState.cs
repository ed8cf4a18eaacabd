namespace ReferralBot.Core.Payouts;

/// <summary>Where a payout batch is: made and its file sent (<see cref="Open"/>), then marked paid or cancelled, once.</summary>
public enum PayoutBatchState
{
    Open,
    Paid,
    Cancelled,
}
