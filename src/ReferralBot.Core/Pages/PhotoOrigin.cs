namespace ReferralBot.Core.Pages;

public enum PhotoOrigin
{
    /// <summary>The channel's profile photo, fetched when the page first needed one.</summary>
    Profile = 0,

    /// <summary>Sent to the bot with <c>/photo</c>: kept over the profile photo until they send another.</summary>
    Sent = 1,
}
