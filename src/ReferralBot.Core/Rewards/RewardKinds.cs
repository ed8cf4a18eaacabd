namespace ReferralBot.Core.Rewards;

/// <summary>The ledger kinds a member earns (a discount is the buyer's, a payout is money leaving the balance).</summary>
public static class RewardKinds
{
    public static readonly LedgerKind[] Earned = [LedgerKind.Commission, LedgerKind.FlatFee, LedgerKind.ReferrerReward];

    public static bool IsEarned(LedgerKind kind) => Earned.Contains(kind);
}
