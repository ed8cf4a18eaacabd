using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Claims;

/// <summary>What came of a claim. Only <see cref="Claimed"/> changed anything.</summary>
public abstract record ClaimOutcome
{
    /// <param name="Code">The code claimed: the referrer's own, or a vanity code of theirs.</param>
    /// <param name="ReferrerTerms">What the referrer's followers are offered (their experiment variant, or the campaign's own).</param>
    /// <param name="MemberTerms">What the claimant now shares with their own code.</param>
    public sealed record Claimed(Member Member, Member Referrer, string Code, bool JoinedNow, CampaignTerms ReferrerTerms, CampaignTerms MemberTerms) : ClaimOutcome;

    public sealed record InvalidCode(string Input) : ClaimOutcome;

    public sealed record UnknownCode(string Code, string? Suggestion) : ClaimOutcome;

    public sealed record OwnCode(Member Member) : ClaimOutcome;

    public sealed record AlreadyClaimed(Member Member, Member FirstReferrer, bool SameReferrer) : ClaimOutcome;

    /// <summary>Not taking sign-ups: <paramref name="Reason"/> is paused, ended, not-started or over.</summary>
    public sealed record CampaignClosed(Campaign Campaign, string Reason) : ClaimOutcome;

    /// <summary>The code's owner joined through the claimant's own code; referring each other is refused.</summary>
    public sealed record Circular(Member Referrer) : ClaimOutcome;

    /// <summary>An admin blocked the code (<c>/review block</c>): it takes no new claims.</summary>
    public sealed record Blocked(string Code) : ClaimOutcome;

    /// <summary>Too many wrong codes lately (<c>Limits:WrongCodes</c>): not even looked up until <paramref name="RetryAfter"/> has passed.</summary>
    public sealed record TooManyTries(TimeSpan RetryAfter) : ClaimOutcome;
}
