namespace ReferralBot.Core.Links;

/// <summary>
/// Absolute http(s) URLs as the service stores and sends them: in their ASCII form (punycode host, percent-encoded
/// path, query and fragment), since that is what an HTTP <c>Location</c> header and every chat client can carry.
/// <c>https://例え.jp/café</c> is kept as <c>https://xn--r8jz45g.jp/caf%C3%A9</c>.
/// </summary>
public static class HttpUrl
{
    public const int MaxLength = 2000;

    public static bool IsValid(string? value) => TryNormalize(value, out _);

    public static bool TryNormalize(string? value, out string ascii)
    {
        ascii = "";
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength) return false;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return false;
        if (string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo)) return false;

        string host;
        try
        {
            host = uri.IdnHost;
        }
        catch (UriFormatException)
        {
            return false;
        }

        var builder = new UriBuilder(uri) { Host = host };
        var normalized = builder.Uri.AbsoluteUri;
        if (normalized.Length > MaxLength || !IsPrintableAscii(normalized)) return false;
        ascii = normalized;
        return true;
    }

    private static bool IsPrintableAscii(string text)
    {
        foreach (var c in text)
            if (c is < '!' or > '~') return false;
        return true;
    }
}
