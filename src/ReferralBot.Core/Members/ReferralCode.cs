namespace ReferralBot.Core.Members;

/// <summary>
/// A code that credits a member. Stored upper-case, so the unique key makes codes unique case-insensitively
/// across the whole service. A member has one primary code; older codes (a customer code replaced by a vanity
/// code) keep working and keep counting for them.
/// </summary>
public sealed class ReferralCode
{
    public required string Value { get; init; }
    public int MemberId { get; init; }
    public Member Member { get; init; } = null!;
    public bool IsPrimary { get; set; }
    public DateTime CreatedAt { get; init; }
}
