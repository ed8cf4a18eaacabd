namespace ReferralBot.Core.Review;

/// <summary>
/// Something a fraud rule flagged, with the rule and its evidence, waiting for an admin's decision. It names what it
/// holds: a purchase (its rewards), a claim (the rewards of the claimant's purchases), or a member's code as a whole
/// (every reward of theirs not yet paid); a case that only informs (a code posted on a coupon site) holds nothing.
/// Its key is unique: a rule that fires again on the same thing finds the case it opened and opens no other.
/// </summary>
public sealed class ReviewCase
{
    public int Id { get; private set; }

    /// <summary>"rule:what", as <see cref="KeyFor"/> makes it.</summary>
    public required string Key { get; init; }

    public int CampaignId { get; init; }

    /// <summary>The referrer whose rewards (or code) it is about.</summary>
    public int MemberId { get; init; }

    /// <summary>The rule's name (<see cref="FraudRuleNames"/>).</summary>
    public required string Rule { get; init; }

    /// <summary>What the rule saw, in one line, for the admin.</summary>
    public required string Evidence { get; init; }

    public int? ClaimId { get; init; }
    public long? PurchaseId { get; init; }

    /// <summary>Holds every reward of the member not yet paid (a refund-rate flag), rather than one claim's or purchase's.</summary>
    public bool HoldsMember { get; init; }

    /// <summary>False for a case that only informs: nothing is held.</summary>
    public bool Holds { get; init; } = true;

    public ReviewState State { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? DecidedAt { get; set; }

    /// <summary>The admin's address.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>Why it was rejected, as the admin put it.</summary>
    public string? Reason { get; set; }

    public static string KeyFor(string rule, string what) => $"{rule}:{what}";
}
