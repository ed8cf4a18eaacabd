using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ReferralBot.FakeBotFramework;

namespace ReferralBot.BotFramework.Tests.FakeChannel;

/// <summary>Inbound tokens the fake mints, judged as a bot judges them: against the keys its metadata points to.</summary>
public sealed class FakeChannelTokenMintingTests
{
    [Fact]
    public async Task A_minted_token_validates_against_the_published_keys()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();

        var result = await ValidateAsync(channel, channel.CreateToken());

        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(("RS256", channel.DefaultKeyId), (token.Alg, token.Kid));
        Assert.Equal(channel.BaseUrl.ToString().TrimEnd('/'), token.GetClaim("serviceurl").Value);
        Assert.Equal("test-app-id", Assert.Single(token.Audiences));
        Assert.InRange(token.ValidTo, DateTime.UtcNow.AddMinutes(59), DateTime.UtcNow.AddMinutes(61));
    }

    [Fact]
    public async Task A_token_signed_with_an_added_key_names_it_and_validates()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        var rotated = channel.AddSigningKey("webchat");

        var result = await ValidateAsync(channel, channel.CreateToken(new TokenOptions { KeyId = rotated, ServiceUrl = "https://smba.example/amer/" }));

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(rotated, ((JsonWebToken)result.SecurityToken).Kid);
        Assert.Equal("https://smba.example/amer/", ((JsonWebToken)result.SecurityToken).GetClaim("serviceurl").Value);
    }

    [Theory]
    [InlineData("expired", typeof(SecurityTokenExpiredException))]
    [InlineData("not yet valid", typeof(SecurityTokenNotYetValidException))]
    [InlineData("wrong audience", typeof(SecurityTokenInvalidAudienceException))]
    [InlineData("wrong issuer", typeof(SecurityTokenInvalidIssuerException))]
    [InlineData("unknown key", typeof(SecurityTokenSignatureKeyNotFoundException))]
    [InlineData("published kid, other key", typeof(SecurityTokenInvalidSignatureException))]
    public async Task A_broken_token_is_refused(string broken, Type refusal)
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var token = channel.CreateToken(broken switch
        {
            "expired" => new TokenOptions { Expires = now.AddMinutes(-10) },
            "not yet valid" => new TokenOptions { NotBefore = now.AddMinutes(10) },
            "wrong audience" => new TokenOptions { Audience = "someone-else" },
            "wrong issuer" => new TokenOptions { Issuer = "https://evil.example" },
            "unknown key" => new TokenOptions { UseUnknownKey = true },
            _ => new TokenOptions { UseUnknownKey = true, KeyId = channel.DefaultKeyId },
        });

        var result = await ValidateAsync(channel, token);

        Assert.False(result.IsValid);
        Assert.IsAssignableFrom(refusal, result.Exception);
    }

    [Fact]
    public async Task An_alg_none_token_is_unsigned_and_refused()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();

        var token = channel.CreateToken(new TokenOptions { AlgNone = true });
        var result = await ValidateAsync(channel, token);

        var read = new JsonWebToken(token);
        Assert.Equal(("none", "JWT", channel.DefaultKeyId), (read.Alg, read.Typ, read.Kid));
        Assert.EndsWith(".", token, StringComparison.Ordinal);
        Assert.Equal("test-app-id", Assert.Single(read.Audiences));
        Assert.False(result.IsValid);
    }

    /// <summary>What a bot does: metadata → JWKS via the OpenID retriever, then issuer, audience, lifetime and signature.</summary>
    private static async Task<TokenValidationResult> ValidateAsync(FakeBotFrameworkChannel channel, string token)
    {
        using var http = new HttpClient(channel.CreateTrustingHandler());
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(
            channel.OpenIdMetadataUrl.ToString(), new HttpDocumentRetriever(http), CancellationToken.None);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = channel.Options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
            NameClaimType = ClaimTypes.Name,
        });
    }
}
