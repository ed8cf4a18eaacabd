using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace ReferralBot.FakeBotFramework;

/// <summary>An RSA signing key, its kid and the channels it is endorsed for; as a JWK it holds only the public half.</summary>
internal sealed record PublishedKey(string KeyId, RSA Rsa, IReadOnlyList<string> Endorsements)
{
    public static PublishedKey Create(IEnumerable<string> endorsements, string? keyId = null) =>
        new(keyId ?? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(15)), RSA.Create(2048), endorsements.ToArray());

    /// <summary>RS256 with this key, under its own kid or the one given (a token claiming another key's kid).</summary>
    public SigningCredentials Credentials(string? asKeyId = null) =>
        new(new RsaSecurityKey(Rsa) { KeyId = asKeyId ?? KeyId }, SecurityAlgorithms.RsaSha256);

    /// <summary>The key as Bot Framework's JWKS lists it: kty, use, kid, n, e (base64url) and endorsements.</summary>
    public JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
            ["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode?)e).ToArray()),
        };
    }
}
