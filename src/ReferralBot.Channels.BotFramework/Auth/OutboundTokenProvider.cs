using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using ReferralBot.Channels.BotFramework.Setup;

namespace ReferralBot.Channels.BotFramework.Auth;

/// <summary>
/// The bearer token the bot sends to the Connector: client credentials from Microsoft.Identity.Client, scope
/// <c>https://api.botframework.com/.default</c>, cached by MSAL until shortly before it expires.
/// </summary>
public sealed class OutboundTokenProvider
{
    private readonly IConfidentialClientApplication? app;
    private readonly string scope;

    public OutboundTokenProvider(IOptions<BotFrameworkOptions> options, IHttpClientFactory http)
    {
        var settings = options.Value;
        scope = settings.Scope;
        if (!settings.Authenticates) return;
        app = ConfidentialClientApplicationBuilder.Create(settings.AppId)
            .WithClientSecret(settings.AppPassword)
            .WithAuthority($"{settings.AuthorityHost.TrimEnd('/')}/{settings.TenantId}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClients(http))
            .Build();
    }

    /// <summary>Null when the bot runs without an app id (local testing): nothing is sent with the request then.</summary>
    public async Task<string?> TokenAsync(CancellationToken cancellationToken) =>
        app is null ? null : (await app.AcquireTokenForClient([scope]).ExecuteAsync(cancellationToken)).AccessToken;

    private sealed class MsalHttpClients(IHttpClientFactory http) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => http.CreateClient(BotFrameworkSetup.HttpClientName);
    }
}
