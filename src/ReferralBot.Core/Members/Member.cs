using ReferralBot.Core.Campaigns;

namespace ReferralBot.Core.Members;

/// <summary>A person's membership of one campaign; it owns their code there.</summary>
public sealed class Member
{
    public int Id { get; private set; }
    public int CampaignId { get; init; }
    public Campaign Campaign { get; init; } = null!;
    public int PersonId { get; init; }
    public Person Person { get; init; } = null!;
    public MemberRole Role { get; set; } = MemberRole.Customer;

    /// <summary>An influencer's one-off fee, paid when their first purchase lands, in the campaign currency.</summary>
    public decimal? FlatFee { get; set; }
    public DateTime JoinedAt { get; init; }

    /// <summary>An influencer's own share text (<c>/voice</c>): their followers share the offer in these words.</summary>
    public string? Voice { get; set; }

    /// <summary>
    /// Who this member is when they buy: carried by the shop links the bot gives them (<c>?b=</c>) and passed back
    /// by the shop as the purchase's <c>reference</c>. Random, so it says nothing about them (<see cref="MemberReference.New"/>).
    /// Set where a membership is made, not defaulted: every member EF reads would otherwise draw random bytes for nothing.
    /// </summary>
    public required string Reference { get; init; }
    public List<ReferralCode> Codes { get; init; } = [];

    /// <summary>Set by <c>/review block</c>: their codes take no new claims and earn no new rewards.</summary>
    public DateTime? BlockedAt { get; set; }

    /// <summary>
    /// How many people have claimed this member's codes: kept with each claim, in its transaction (claims are never
    /// deleted), so "that's N sign-ups" costs one row, not a count of every claim a popular code ever had.
    /// </summary>
    public int SignUps { get; private set; }

    public string PrimaryCode => Codes.Single(c => c.IsPrimary).Value;
}
