using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Claims;

/// <summary>Turns a claim's outcome into what the claimant is told.</summary>
public sealed class ClaimReplies(PromptRenderer prompts, CodeCardBuilder cards)
{
    public async Task<IReadOnlyList<Reply>> ForAsync(ClaimOutcome outcome, string locale) => outcome switch
    {
        ClaimOutcome.Claimed c => await cards.BuildAsync(c.Member, cards.Referral(c.Member, c.Code, c.Referrer.Voice, c.Referrer.Person.DisplayName, c.MemberTerms), locale, PromptName.ClaimSucceeded, new
        {
            ReferrerName = c.Referrer.Person.DisplayName,
            ReferrerCode = c.Referrer.PrimaryCode,
            Campaign = c.Member.Campaign.Name,
            Code = c.Member.PrimaryCode,
            JoinedNow = c.JoinedNow,
            c.ReferrerTerms.Offer,
            c.ReferrerTerms.Discount,
        }),
        ClaimOutcome.InvalidCode i => [await prompts.TextAsync(PromptName.ClaimInvalidCode, new { i.Input }, locale)],
        ClaimOutcome.UnknownCode u => [await prompts.TextAsync(PromptName.ClaimUnknownCode, new { u.Code, u.Suggestion }, locale)],
        ClaimOutcome.OwnCode o => [await prompts.TextAsync(PromptName.ClaimOwnCode, cards.Model(o.Member), locale)],
        ClaimOutcome.AlreadyClaimed a => [await prompts.TextAsync(PromptName.ClaimAlreadyClaimed, new
        {
            ReferrerName = a.FirstReferrer.Person.DisplayName,
            ReferrerCode = a.FirstReferrer.PrimaryCode,
            a.SameReferrer,
            Code = a.Member.PrimaryCode,
        }, locale)],
        ClaimOutcome.CampaignClosed c => [await prompts.TextAsync(PromptName.ClaimCampaignClosed, new
        {
            Campaign = c.Campaign.Name,
            State = c.Reason,
            Opens = c.Campaign.StartsAt is { } starts ? CampaignDates.Format(starts, c.Campaign.TimeZone) : null,
            Closed = c.Campaign.EndsAt is { } ends ? CampaignDates.Format(ends, c.Campaign.TimeZone) : null,
        }, locale)],
        ClaimOutcome.Circular c => [await prompts.TextAsync(PromptName.ClaimCircular, new { ReferrerName = c.Referrer.Person.DisplayName }, locale)],
        ClaimOutcome.Blocked b => [await prompts.TextAsync(PromptName.ClaimBlocked, new { b.Code }, locale)],
        ClaimOutcome.TooManyTries t => [await prompts.TextAsync(PromptName.ClaimTooManyTries, new { Minutes = Math.Max(1, (int)Math.Ceiling(t.RetryAfter.TotalMinutes)) }, locale)],
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown claim outcome."),
    };
}
