using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReferralBot.Host.Purchases;

/// <summary>
/// <c>X-ReferralBot-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))</c> with
/// <c>X-ReferralBot-Timestamp</c> in unix seconds, compared in constant time; a stale timestamp is refused so a
/// captured request cannot be replayed later. The headers are checked before the body is read, and the body is
/// hashed as it arrives.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-ReferralBot-Timestamp";
    public const string SignatureHeader = "X-ReferralBot-Signature";

    private const string Prefix = "sha256=";

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Null when the headers are present, well formed and fresh; else why not (for the 401's detail).</summary>
    public static string? CheckHeaders(string? secret, string? timestamp, string? signature, DateTimeOffset now, TimeSpan maxSkew)
    {
        if (string.IsNullOrEmpty(secret)) return "The purchase webhook has no secret configured (Webhooks:PurchaseSecret).";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return $"The {TimestampHeader} header is missing or not unix seconds.";
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > maxSkew.TotalSeconds)
            return $"The {TimestampHeader} is more than {maxSkew.TotalMinutes:0} minutes off; sign each request when you send it.";
        if (signature is null || signature.Length != Prefix.Length + 64 || !signature.StartsWith(Prefix, StringComparison.Ordinal)
            || signature.AsSpan(Prefix.Length).ContainsAnyExcept(HexDigits))
            return $"The {SignatureHeader} header is missing or not 'sha256=<64 hex digits>'.";
        return null;
    }

    /// <summary>A hash to feed the body to, as it arrives; <see cref="Matches"/> finishes it.</summary>
    public static IncrementalHash Begin(string secret, string timestamp)
    {
        var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        return hmac;
    }

    public static bool Matches(IncrementalHash hmac, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hmac.GetHashAndReset()));
        var given = Encoding.ASCII.GetBytes(signature[Prefix.Length..].ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The signature of a whole body, as a shop computes it (the tests sign with it).</summary>
    public static string Sign(string secret, string timestamp, byte[] body)
    {
        using var hmac = Begin(secret, timestamp);
        hmac.AppendData(body);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
