using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Claims;

/// <summary>"Someone joined with your code": queued to the referrer with each claim, under a key unique to the sign-up.</summary>
public static class ReferrerNotice
{
    public static string Key(int campaignId, int claimantPersonId) => $"claim:{campaignId}:{claimantPersonId}:referrer";

    /// <summary>How every notice about one claimant's sign-ups ends, whatever the campaign.</summary>
    public static string KeySuffix(int claimantPersonId) => $":{claimantPersonId}:referrer";

    public static Task<TextReply> RenderAsync(PromptRenderer prompts, string claimantName, string campaignName, string code, int signUps, string locale) =>
        prompts.TextAsync(PromptName.ReferrerNewSignUp, new
        {
            Name = claimantName,
            Campaign = campaignName,
            Code = code,
            SignUps = signUps,
        }, locale);
}
