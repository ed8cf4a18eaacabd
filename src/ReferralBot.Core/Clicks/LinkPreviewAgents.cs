using System.Buffers;
namespace ReferralBot.Core.Clicks;

/// <summary>
/// Messengers fetch a link to draw its preview the moment it is shared. Those fetches are redirected like any
/// other but are not people, so they are not counted as clicks.
/// </summary>
public static class LinkPreviewAgents
{
    // One pass over the user agent for all markers at once, not one search per marker: this runs on every redirect.
    private static readonly SearchValues<string> Markers = SearchValues.Create(
    [
        "TelegramBot", "facebookexternalhit", "Facebot", "WhatsApp", "Slackbot", "Twitterbot", "Discordbot",
        "LinkedInBot", "SkypeUriPreview", "Googlebot", "bingbot", "Applebot", "Iframely", "redditbot", "Pinterestbot",
    ], StringComparison.OrdinalIgnoreCase);

    public static bool IsPreview(string? userAgent) => userAgent is not null && userAgent.AsSpan().ContainsAny(Markers);
}
