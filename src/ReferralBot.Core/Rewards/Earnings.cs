namespace ReferralBot.Core.Rewards;

/// <summary>
/// Where a member's money stands in one campaign, from the ledger. <see cref="Pending"/> rewards are inside their hold;
/// <see cref="Matured"/> ones are past it. Payouts (less cancelled ones) come off the matured money: what is left is
/// <see cref="Payable"/>, or, when refunds came after a payout, <see cref="OwedBack"/> for the next payouts to net off.
/// Money an open review case holds is <see cref="UnderReview"/> instead, whether or not past its hold.
/// Always: pending + under review + payable + in payment + paid − owed back = earned − reversed.
/// </summary>
public sealed record Earnings(decimal Earned, decimal Reversed, decimal Pending, decimal Matured, decimal PaidOut, decimal InPayment, int PayoutsMade)
{
    /// <summary>Held by an open review case: neither pending nor payable until an admin approves it (a rejection reverses it).</summary>
    public decimal UnderReview { get; init; }

    /// <summary>Earned less refunds: what the member is owed for good, paid or not.</summary>
    public decimal Net => Earned - Reversed;

    public decimal Balance => Matured - PaidOut;

    public decimal Payable => Math.Max(Balance, 0m);

    public decimal OwedBack => Math.Max(-Balance, 0m);

    /// <summary>Paid out in batches marked paid (<see cref="InPayment"/> is in batches made and not marked paid yet).</summary>
    public decimal Paid => PaidOut - InPayment;

    /// <summary>A member's sums from their grouped ledger rows, and what their open payout batches hold.</summary>
    internal static Earnings From(IEnumerable<LedgerSum> rows, decimal inPayment)
    {
        decimal earned = 0, reversed = 0, pending = 0, matured = 0, paidOut = 0, underReview = 0;
        var payouts = 0;
        foreach (var row in rows)
        {
            if (row.Kind == LedgerKind.Payout)
            {
                paidOut -= row.Amount;
                if (!row.Reversal) payouts += row.Count;
                continue;
            }

            if (!RewardKinds.IsEarned(row.Kind)) continue;
            if (row.Reversal) reversed -= row.Amount;
            else earned += row.Amount;
            if (row.Held) underReview += row.Amount;
            else if (row.Matured) matured += row.Amount;
            else pending += row.Amount;
        }

        return new Earnings(earned, reversed, pending, matured, paidOut, inPayment, payouts) { UnderReview = underReview };
    }
}
