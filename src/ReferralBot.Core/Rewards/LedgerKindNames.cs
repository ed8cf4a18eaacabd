namespace ReferralBot.Core.Rewards;

/// <summary>The one name of each ledger kind outside the database: webhook answers, CSV exports, chat.</summary>
public static class LedgerKindNames
{
    public static string Of(LedgerKind kind) => kind switch
    {
        LedgerKind.Commission => "commission",
        LedgerKind.FlatFee => "flat-fee",
        LedgerKind.ReferrerReward => "referrer-reward",
        LedgerKind.Payout => "payout",
        _ => "discount",
    };
}
