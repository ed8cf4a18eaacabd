using System.Buffers.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReferralBot.FakeBotFramework;

/// <summary>
/// Inbound tokens as a Bot Framework channel signs them (RS256; iss, aud, serviceurl, nbf, exp, iat), and the broken
/// ones a bot must refuse: expired, wrong audience or issuer, signed by an unpublished key, or not signed at all.
/// </summary>
internal sealed class TokenMinter(FakeChannelOptions options, SigningKeys keys, Func<string> defaultKeyId, Func<string> defaultServiceUrl)
{
    // Times go in as claims, so the handler neither adds its own nor refuses odd ones (nbf after exp) a test asks for.
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Create(TokenOptions? token)
    {
        token ??= new TokenOptions();
        var claims = Claims(token);
        if (token.AlgNone) return Unsigned(token.KeyId ?? defaultKeyId(), claims);

        var keyId = token.KeyId ?? defaultKeyId();
        var key = token.UseUnknownKey ? keys.Unknown : keys.Find(keyId)
            ?? throw new ArgumentException($"No published signing key has kid '{keyId}'.", nameof(token));
        var credentials = key.Credentials(token.UseUnknownKey ? token.KeyId : null);
        return Handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = credentials });
    }

    private Dictionary<string, object> Claims(TokenOptions token)
    {
        var now = options.Time.GetUtcNow();
        var expires = token.Expires ?? now.AddHours(1);
        var notBefore = token.NotBefore ?? (expires.AddHours(-1) < now.AddMinutes(-1) ? expires.AddHours(-1) : now.AddMinutes(-1));
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = token.Issuer ?? options.Issuer,
            ["aud"] = token.Audience ?? options.AppId,
            ["serviceurl"] = token.ServiceUrl ?? defaultServiceUrl(),
            ["nbf"] = notBefore.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iat"] = notBefore.ToUnixTimeSeconds(),
        };
        foreach (var (name, value) in token.Claims ?? new Dictionary<string, object>()) claims[name] = value;
        return claims;
    }

    private static string Unsigned(string keyId, Dictionary<string, object> claims)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = keyId });
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims);
        return $"{Base64Url.EncodeToString(header)}.{Base64Url.EncodeToString(payload)}.";
    }
}
