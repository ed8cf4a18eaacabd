using Microsoft.Extensions.Options;
using ReferralBot.Core.Bot;

namespace ReferralBot.Core.Links;

/// <summary>The tracked links of a code: <c>{PublicBaseUrl}/r/{CODE}</c>, with an optional source tag.</summary>
public sealed class ReferralLinkBuilder(IOptions<BotOptions> options)
{
    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    public string WebLink(string code, string? source = null) =>
        source is null ? $"{BaseUrl}/r/{code}" : $"{BaseUrl}/r/{code}?s={Uri.EscapeDataString(source)}";

    public string QrImageUrl(string code) => $"{BaseUrl}/qr/{code}.png";
}
