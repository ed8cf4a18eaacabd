using ReferralBot.Core.Clicks;

namespace ReferralBot.Core.Pages;

/// <summary>
/// What a referrer's landing page and preview card show, read for one code. The owner's name, words and photo are
/// null once they erased their data (the page then speaks for the campaign only).
/// </summary>
public sealed record LandingPage(
    RedirectTarget Target,
    int PersonId,
    string Campaign,
    string? Offer,
    string? Discount,
    bool Ended,
    string? OwnerName,
    string? Voice,
    long? PhotoVersion);
