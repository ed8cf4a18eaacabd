namespace ReferralBot.Core.Review;

/// <summary>The rules' names, as cases, settings (<c>Fraud:Rules:&lt;name&gt;</c>) and <c>/review</c> show them.</summary>
public static class FraudRuleNames
{
    public const string SelfReferral = "self-referral";
    public const string TwoReferrers = "two-referrers";
    public const string ClaimBurst = "claim-burst";
    public const string NewAccounts = "new-accounts";
    public const string ClickFlood = "click-flood";
    public const string FastClaims = "fast-claims";
    public const string LeakedCode = "leaked-code";
    public const string Refunds = "refunds";

    /// <summary>What <c>/review block</c> opens on a code's rewards under review (rejected with it).</summary>
    public const string Blocked = "blocked";
}
