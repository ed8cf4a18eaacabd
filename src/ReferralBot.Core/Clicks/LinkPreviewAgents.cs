namespace ReferralBot.Core.Clicks;

/// <summary>
/// Messengers fetch a link to draw its preview the moment it is shared. Those fetches are redirected like any
/// other but are not people, so they are not counted as clicks.
/// </summary>
public static class LinkPreviewAgents
{
    private static readonly string[] Markers =
    [
        "TelegramBot", "facebookexternalhit", "Facebot", "WhatsApp", "Slackbot", "Twitterbot", "Discordbot",
        "LinkedInBot", "SkypeUriPreview", "Googlebot", "bingbot", "Applebot", "Iframely", "redditbot", "Pinterestbot",
    ];

    public static bool IsPreview(string? userAgent) =>
        userAgent is not null && Markers.Any(m => userAgent.Contains(m, StringComparison.OrdinalIgnoreCase));
}
