namespace ReferralBot.Core.Claims;

public enum ClaimVia
{
    /// <summary>Opening the bot through a deep link: <c>/start CODE</c>.</summary>
    DeepLink = 0,

    /// <summary>Typing <c>/claim CODE</c>.</summary>
    Command = 1,
}
