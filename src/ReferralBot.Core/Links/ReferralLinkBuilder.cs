using Microsoft.Extensions.Options;
using ReferralBot.Core.Bot;

namespace ReferralBot.Core.Links;

/// <summary>The tracked links of a code: <c>{PublicBaseUrl}/r/{CODE}</c>, with an optional source tag.</summary>
public sealed class ReferralLinkBuilder(IOptions<BotOptions> options)
{
    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    public string WebLink(string code, string? source = null) =>
        source is null ? $"{BaseUrl}/r/{code}" : $"{BaseUrl}/r/{code}?s={Uri.EscapeDataString(source)}";

    /// <summary>
    /// The link a referred customer shops through: their referrer's code, with their own reference, which the
    /// landing page receives as <c>rb_ref</c> and the shop passes back with the purchase.
    /// </summary>
    public string ShopLink(string referrerCode, string buyerReference) => $"{BaseUrl}/r/{referrerCode}?b={Uri.EscapeDataString(buyerReference)}";

    public string QrImageUrl(string code) => $"{BaseUrl}/qr/{code}.png";
}
