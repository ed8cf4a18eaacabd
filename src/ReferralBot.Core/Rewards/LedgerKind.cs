namespace ReferralBot.Core.Rewards;

/// <summary>What a ledger entry is for. Stored by name, so exports and SQL read plainly.</summary>
public enum LedgerKind
{
    /// <summary>An influencer's commission on a purchase, at their tier's rate then.</summary>
    Commission,

    /// <summary>An influencer's one-off fee, earned when their first purchase in the campaign lands.</summary>
    FlatFee,

    /// <summary>What a customer earns when someone they referred buys.</summary>
    ReferrerReward,

    /// <summary>The follower's discount at checkout: a cost of the campaign, credited to the buyer.</summary>
    Discount,

    /// <summary>Money paid out to a member in a payout batch (negative: it leaves their balance); a cancelled batch reverses it.</summary>
    Payout,
}
