namespace ReferralBot.Core.Nudges;

/// <summary>What a nudge says. Stored by name.</summary>
public enum NudgeKind
{
    /// <summary>To the referrer, at once: someone they referred just bought.</summary>
    ReferrerPurchase,

    /// <summary>To the buyer, after <c>Nudges:ThankYouDelay</c>: thanks, and here is your own code to share.</summary>
    ThankYou,

    /// <summary>To the buyer, after <c>Nudges:ShareAgainDelay</c>, unless they have referred someone since.</summary>
    ShareAgain,

    /// <summary>To an influencer, at once: they reached a new tier.</summary>
    TierUp,

    /// <summary>To every reachable member of a campaign, when an admin runs <c>/campaign remind</c>: your code, share it.</summary>
    Reminder,
}
