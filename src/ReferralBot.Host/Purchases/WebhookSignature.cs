using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReferralBot.Host.Purchases;

/// <summary>
/// <c>X-ReferralBot-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))</c> with
/// <c>X-ReferralBot-Timestamp</c> in unix seconds, compared in constant time; a stale timestamp is refused so a
/// captured request cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-ReferralBot-Timestamp";
    public const string SignatureHeader = "X-ReferralBot-Signature";

    /// <summary>Null when the request is authentic; else why not (for the 401's detail).</summary>
    public static string? Check(string? secret, string? timestamp, string? signature, byte[] body, DateTimeOffset now, TimeSpan maxSkew)
    {
        if (string.IsNullOrEmpty(secret)) return "The purchase webhook has no secret configured (Webhooks:PurchaseSecret).";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return $"The {TimestampHeader} header is missing or not unix seconds.";
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > maxSkew.TotalSeconds)
            return $"The {TimestampHeader} is more than {maxSkew.TotalMinutes:0} minutes off; sign each request when you send it.";
        if (signature is null || !signature.StartsWith("sha256=", StringComparison.Ordinal))
            return $"The {SignatureHeader} header is missing or not 'sha256=<hex>'.";

        var expected = Sign(secret, timestamp!, body);
        var given = Encoding.ASCII.GetBytes(signature["sha256=".Length..].ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), given) ? null : "The signature does not match the body.";
    }

    public static string Sign(string secret, string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
