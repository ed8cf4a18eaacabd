namespace ReferralBot.Core.Purchases;

/// <summary>Why a recorded purchase earned its referrer nothing; the webhook's <c>reason</c> and the chat say these.</summary>
public static class NotCredited
{
    /// <summary>No code, no reference and no known buyer with a referrer.</summary>
    public const string NoReferrer = "no-referrer";

    /// <summary>The code used at checkout is not one of ours.</summary>
    public const string UnknownCode = "unknown-code";

    /// <summary>The buyer used their own code (or is the referrer).</summary>
    public const string OwnCode = "own-code";

    /// <summary>Bought after the attribution window from the claim closed.</summary>
    public const string OutsideWindow = "outside-window";

    /// <summary>Bought before they were referred.</summary>
    public const string BeforeClaim = "before-claim";

    /// <summary>The referrer's code was blocked by an admin (<c>/review block</c>).</summary>
    public const string Blocked = "code-blocked";

    /// <summary>The buyer's claim was rejected on review: not a real referral.</summary>
    public const string Rejected = "claim-rejected";
}
