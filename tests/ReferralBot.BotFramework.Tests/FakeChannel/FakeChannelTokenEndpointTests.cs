using System.Net;
using Microsoft.Identity.Client;
using ReferralBot.FakeBotFramework;

namespace ReferralBot.BotFramework.Tests.FakeChannel;

/// <summary>The fake's botframework.com token endpoint, by hand and through MSAL.</summary>
public sealed class FakeChannelTokenEndpointTests
{
    [Fact]
    public async Task The_right_client_credentials_get_a_bearer_token()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var client = FakeChannelHttp.Client(channel);

        using var response = await FakeChannelHttp.RequestTokenAsync(client, "test-app-id", "test-app-password");
        var body = await FakeChannelHttp.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Bearer", 3600, 3600), (body.GetProperty("token_type").GetString(), body.GetProperty("expires_in").GetInt32(),
            body.GetProperty("ext_expires_in").GetInt32()));
        Assert.Equal(body.GetProperty("access_token").GetString(), Assert.Single(channel.IssuedTokens));
        Assert.Equal(1, channel.TokenRequests);
    }

    [Theory]
    [InlineData("test-app-id", "wrong-password", FakeChannelHttp.BotFrameworkScope, "invalid_client", "AADSTS7000215")]
    [InlineData("someone-else", "test-app-password", FakeChannelHttp.BotFrameworkScope, "invalid_client", "AADSTS700016")]
    [InlineData("test-app-id", "test-app-password", "https://graph.microsoft.com/.default", "invalid_scope", "AADSTS1002012")]
    public async Task Wrong_credentials_or_scope_get_a_400_with_an_AADSTS_code(string clientId, string secret, string scope, string error, string code)
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var client = FakeChannelHttp.Client(channel);

        using var response = await FakeChannelHttp.RequestTokenAsync(client, clientId, secret, scope);
        var body = await FakeChannelHttp.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.StartsWith(code + ":", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Empty(channel.IssuedTokens);
        Assert.Equal(1, channel.TokenRequests);
    }

    [Fact]
    public async Task MSAL_gets_a_token_from_the_tenant_authority_with_instance_discovery_off()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var http = new TrustingFactory(channel);
        var msal = ConfidentialClientApplicationBuilder.Create(channel.Options.AppId)
            .WithClientSecret(channel.Options.AppPassword)
            .WithAuthority(channel.Authority.ToString(), validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(http)
            .Build();

        var result = await msal.AcquireTokenForClient([FakeChannelHttp.BotFrameworkScope]).ExecuteAsync();

        Assert.Equal(Assert.Single(channel.IssuedTokens), result.AccessToken);
    }

    [Fact]
    public async Task MSAL_gets_a_token_from_the_tenant_as_an_OIDC_authority()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var http = new TrustingFactory(channel);
        var msal = ConfidentialClientApplicationBuilder.Create(channel.Options.AppId)
            .WithClientSecret(channel.Options.AppPassword)
            .WithOidcAuthority(channel.BaseUrl + "botframework.com/v2.0")
            .WithHttpClientFactory(http)
            .Build();

        var result = await msal.AcquireTokenForClient([FakeChannelHttp.BotFrameworkScope]).ExecuteAsync();

        Assert.Equal(Assert.Single(channel.IssuedTokens), result.AccessToken);
    }

    private sealed class TrustingFactory(FakeBotFrameworkChannel channel) : IMsalHttpClientFactory, IDisposable
    {
        private readonly HttpClient client = new(channel.CreateTrustingHandler());

        public HttpClient GetHttpClient() => client;

        public void Dispose() => client.Dispose();
    }
}
