using ReferralBot.Core.Clicks;

namespace ReferralBot.Core.Pages;

/// <summary>
/// What a referrer's landing page and preview card show, read for one code. The owner's name, words and photo are
/// null once they erased their data (the page then speaks for the campaign only). <paramref name="ProfilePhotoDue"/>: their
/// channel's profile picture was never looked up, or not for a while, and they sent none of their own.
/// </summary>
public sealed record LandingPage(
    RedirectTarget Target,
    int PersonId,
    string Channel,
    string UserId,
    string Campaign,
    string? Offer,
    string? Discount,
    bool Ended,
    string? OwnerName,
    string? Voice,
    long? PhotoVersion,
    bool ProfilePhotoDue);
