using Microsoft.Extensions.Options;
using ReferralBot.Core.Bot;

namespace ReferralBot.Core.Links;

/// <summary>
/// The tracked links of a code: <c>{PublicBaseUrl}/r/{CODE}</c>, or its landing page <c>{PublicBaseUrl}/p/{CODE}</c>
/// where the campaign shares pages, with an optional source tag.
/// </summary>
public sealed class ReferralLinkBuilder(IOptions<BotOptions> options)
{
    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>The link people share: the landing page when <paramref name="landingPage"/>, else the redirect.</summary>
    public string WebLink(string code, string? source = null, bool landingPage = false) =>
        Tagged($"{BaseUrl}/{(landingPage ? "p" : "r")}/{code}", source);

    /// <summary>
    /// The link a referred customer shops through: their referrer's code, with their own reference, which the
    /// landing page receives as <c>rb_ref</c> and the shop passes back with the purchase.
    /// </summary>
    public string ShopLink(string referrerCode, string buyerReference) => $"{BaseUrl}/r/{referrerCode}?b={Uri.EscapeDataString(buyerReference)}";

    public string QrImageUrl(string code) => $"{BaseUrl}/qr/{code}.png";

    /// <summary>The landing page's preview card (Open Graph image), 1200×630; <paramref name="version"/> changes with what it shows.</summary>
    public string CardImageUrl(string code, string version) => $"{BaseUrl}/og/{code}.png?v={version}";

    /// <summary>The landing page's photo of its owner; <paramref name="version"/> changes with the photo, so it can be cached long.</summary>
    public string PhotoUrl(string code, long version) => $"{BaseUrl}/p/{code}/photo.jpg?v={version}";

    private static string Tagged(string url, string? source) => source is null ? url : $"{url}?s={Uri.EscapeDataString(source)}";
}
