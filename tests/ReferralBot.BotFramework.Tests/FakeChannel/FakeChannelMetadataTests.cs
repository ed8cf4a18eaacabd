using System.Net;
using System.Security.Authentication;
using ReferralBot.FakeBotFramework;

namespace ReferralBot.BotFramework.Tests.FakeChannel;

/// <summary>The fake channel's OpenID metadata and JWKS, over HTTPS that only the trusting handler accepts.</summary>
public sealed class FakeChannelMetadataTests
{
    [Fact]
    public async Task Metadata_and_keys_are_served_over_https_to_a_client_that_trusts_the_certificate()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var client = FakeChannelHttp.Client(channel);

        using var metadataResponse = await client.GetAsync("v1/.well-known/openidconfiguration");
        var metadata = await FakeChannelHttp.JsonAsync(metadataResponse);
        var jwksUri = metadata.GetProperty("jwks_uri").GetString()!;
        using var keysResponse = await client.GetAsync(new Uri(jwksUri));
        var key = Assert.Single((await FakeChannelHttp.JsonAsync(keysResponse)).GetProperty("keys").EnumerateArray());

        Assert.Equal(("https", "127.0.0.1"), (channel.BaseUrl.Scheme, channel.BaseUrl.Host));
        Assert.EndsWith("/", channel.BaseUrl.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://api.botframework.com", metadata.GetProperty("issuer").GetString());
        Assert.Equal(channel.BaseUrl + "v1/.well-known/keys", jwksUri);
        Assert.Equal("RS256", Assert.Single(metadata.GetProperty("id_token_signing_alg_values_supported").EnumerateArray()).GetString());
        Assert.Equal(("RSA", "sig", channel.DefaultKeyId), (key.GetProperty("kty").GetString(), key.GetProperty("use").GetString(), key.GetProperty("kid").GetString()));
        Assert.Equal(["webchat", "msteams", "emulator"], key.GetProperty("endorsements").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
        Assert.Equal((1, 1), (channel.MetadataRequests, channel.KeysRequests));
    }

    [Fact]
    public async Task A_client_with_default_certificate_validation_is_refused()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var client = new HttpClient { BaseAddress = channel.BaseUrl };

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("v1/.well-known/keys"));

        Assert.IsType<AuthenticationException>(refused.InnerException);
        Assert.Equal(0, channel.KeysRequests);
    }

    [Fact]
    public async Task The_trusting_handler_trusts_its_own_fake_and_no_other()
    {
        await using var trusted = await FakeBotFrameworkChannel.StartAsync();
        await using var other = await FakeBotFrameworkChannel.StartAsync();
        using var client = FakeChannelHttp.Client(trusted);

        using var own = await client.GetAsync(trusted.BaseUrl + "v1/.well-known/keys");
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(other.BaseUrl + "v1/.well-known/keys"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Keys_added_or_removed_after_start_show_in_the_next_fetch()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var client = FakeChannelHttp.Client(channel);

        var added = channel.AddSigningKey("msteams");
        using var withAdded = await client.GetAsync("v1/.well-known/keys");
        var kids = (await FakeChannelHttp.JsonAsync(withAdded)).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString());
        Assert.True(channel.RemoveSigningKey(channel.DefaultKeyId));
        using var afterRemoval = await client.GetAsync("v1/.well-known/keys");
        var left = Assert.Single((await FakeChannelHttp.JsonAsync(afterRemoval)).GetProperty("keys").EnumerateArray());

        Assert.Equal([channel.DefaultKeyId, added], kids);
        Assert.Equal(added, left.GetProperty("kid").GetString());
        Assert.Equal("msteams", Assert.Single(left.GetProperty("endorsements").EnumerateArray()).GetString());
    }
}
