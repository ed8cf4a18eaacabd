namespace ReferralBot.Core.Review;

public enum ReviewState
{
    /// <summary>Waiting for an admin: the rewards it holds are under review, not payable.</summary>
    Open = 0,

    /// <summary>An admin found it fine: the rewards go on as any others.</summary>
    Approved = 1,

    /// <summary>An admin found it not a real referral: its rewards were reversed.</summary>
    Rejected = 2,
}
