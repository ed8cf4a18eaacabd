using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.FakeBotFramework;

/// <summary>
/// A Bot Framework channel on https://127.0.0.1 for tests: the OpenID metadata and JWKS (with endorsements) a bot
/// validates inbound tokens against, the botframework.com token endpoint it gets its own tokens from, and the Connector
/// it replies to. Tests mint inbound tokens, read what the bot sent, and ask for errors on demand.
/// </summary>
public sealed partial class FakeBotFrameworkChannel : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeChannelOptions options;
    private readonly SigningKeys keys = new();
    private readonly TokenEndpoint tokens;
    private readonly ConnectorLog log = new();
    private readonly FailurePlan failures = new();
    private readonly ConnectorEndpoint connector;
    private readonly TokenMinter minter;
    private Uri? baseUrl;
    private int metadataRequests;
    private int keysRequests;
    private int tokenRequests;
    private int disposed;

    private FakeBotFrameworkChannel(WebApplication app, FakeChannelOptions options, X509Certificate2 certificate)
    {
        this.app = app;
        this.options = options;
        Certificate = certificate;
        DefaultKeyId = keys.Add(options.EndorsedChannels);
        tokens = new TokenEndpoint(options);
        connector = new ConnectorEndpoint(tokens, failures, log, options.Time);
        minter = new TokenMinter(options, keys, () => DefaultKeyId, () => BaseUrl.ToString().TrimEnd('/'));
    }

    /// <summary>The self-signed certificate the fake serves HTTPS with (made at start; trusted by nobody but <see cref="CreateTrustingHandler"/>).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Where the fake listens, with a trailing slash, e.g. https://127.0.0.1:41234/.</summary>
    public Uri BaseUrl => baseUrl ?? throw new InvalidOperationException("The fake channel has not started.");

    public FakeChannelOptions Options => options;

    /// <summary>The kid of the key made at start (endorsed for <see cref="FakeChannelOptions.EndorsedChannels"/>).</summary>
    public string DefaultKeyId { get; }

    /// <summary>The Bot Framework OpenID metadata URL: what the bot is configured with to find the JWKS.</summary>
    public Uri OpenIdMetadataUrl => new(OpenIdDocuments.Url(BaseUrl, OpenIdDocuments.ChannelMetadataPath));

    /// <summary>The token endpoint URL (for a bot that posts its client credentials itself).</summary>
    public Uri TokenEndpointUrl => new(OpenIdDocuments.Url(BaseUrl, OpenIdDocuments.TokenPath));

    /// <summary>The authority to give MSAL (with instance discovery off): {BaseUrl}botframework.com.</summary>
    public Uri Authority => new(OpenIdDocuments.Url(BaseUrl, "/botframework.com"));

    /// <summary>GETs of /v1/.well-known/openidconfiguration so far.</summary>
    public int MetadataRequests => Volatile.Read(ref metadataRequests);

    /// <summary>GETs of /v1/.well-known/keys so far.</summary>
    public int KeysRequests => Volatile.Read(ref keysRequests);

    /// <summary>POSTs to the token endpoint so far, refused ones too.</summary>
    public int TokenRequests => Volatile.Read(ref tokenRequests);

    /// <summary>Every access token the token endpoint has issued; the connector accepts these and no others.</summary>
    public IReadOnlyCollection<string> IssuedTokens => tokens.Issued;

    /// <summary>Every connector call so far, refused and failed ones too, in the order they were answered (a snapshot).</summary>
    public IReadOnlyList<ConnectorCall> Calls => log.Snapshot();

    public static async Task<FakeBotFrameworkChannel> StartAsync(FakeChannelOptions? options = null)
    {
        options ??= new FakeChannelOptions();
        var certificate = SelfSignedCertificate.Create();
        // The empty builder reads no appsettings.json nor environment: nothing from the test's folder can rebind it.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        builder.Services.AddRoutingCore();
        var fake = new FakeBotFrameworkChannel(builder.Build(), options, certificate);
        fake.MapEndpoints();
        try
        {
            await fake.app.StartAsync();
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }

        var address = fake.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.baseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>
    /// A handler for an HttpClient (or MSAL's, or the OpenID retriever's) that trusts this fake's certificate, matched
    /// by its SHA-256 thumbprint, and no other server certificate at all. Each call makes a new handler.
    /// </summary>
    public HttpMessageHandler CreateTrustingHandler()
    {
        var thumbprint = Certificate.GetCertHashString(HashAlgorithmName.SHA256);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null
                    && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), thumbprint, StringComparison.OrdinalIgnoreCase),
            },
        };
    }

    /// <summary>Publishes another RSA signing key endorsed for these channels (at once: the next JWKS fetch lists it); returns its kid.</summary>
    public string AddSigningKey(params string[] endorsements) => keys.Add(endorsements);

    /// <summary>Stops publishing a key (the next JWKS fetch leaves it out); false if no published key has that kid.</summary>
    public bool RemoveSigningKey(string keyId) => keys.Remove(keyId);

    /// <summary>An inbound token as the channel would send it in Authorization: Bearer, or a broken one the options ask for.</summary>
    public string CreateToken(TokenOptions? options = null) => minter.Create(options);

    /// <summary>The successful connector calls (replies and sends) to the conversation, in order.</summary>
    public IReadOnlyList<ConnectorCall> RepliesTo(string conversationId) =>
        log.Where(c => c.Succeeded && c.ConversationId == conversationId);

    /// <summary>Completes once <paramref name="count"/> calls to the conversation have succeeded; a TimeoutException lists every call seen.</summary>
    public Task<IReadOnlyList<ConnectorCall>> WaitForRepliesAsync(string conversationId, int count, TimeSpan timeout) =>
        log.WaitAsync(c => c.Succeeded && c.ConversationId == conversationId, count, timeout,
            $"successful replies to conversation '{conversationId}'");

    /// <summary>Completes once <paramref name="count"/> connector calls of any outcome have been recorded.</summary>
    public Task<IReadOnlyList<ConnectorCall>> WaitForCallsAsync(int count, TimeSpan timeout) =>
        log.WaitAsync(_ => true, count, timeout, "connector calls");

    /// <summary>
    /// The next <paramref name="times"/> authorized connector calls are answered with this status (400–599) and the
    /// connector's error body, with a Retry-After header in whole seconds when <paramref name="retryAfter"/> is given.
    /// They are recorded too. Calls refused for their bearer (401) do not use a failure up.
    /// </summary>
    public void FailNext(int status, int times = 1, TimeSpan? retryAfter = null) => failures.Add(status, times, retryAfter);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        try
        {
            await app.StopAsync();
        }
        finally
        {
            await app.DisposeAsync();
            keys.Dispose();
            Certificate.Dispose();
        }
    }

    private void MapEndpoints()
    {
        app.UseRouting();
        Map("GET", OpenIdDocuments.ChannelMetadataPath, (_, _) =>
        {
            Interlocked.Increment(ref metadataRequests);
            return Task.FromResult(ChannelAnswer.Ok(OpenIdDocuments.ChannelMetadata(options.Issuer, BaseUrl)));
        });
        Map("GET", OpenIdDocuments.KeysPath, (_, _) =>
        {
            Interlocked.Increment(ref keysRequests);
            return Task.FromResult(ChannelAnswer.Ok(keys.ToJwks()));
        });
        Map("POST", OpenIdDocuments.TokenPath, (http, aborted) =>
        {
            Interlocked.Increment(ref tokenRequests);
            return tokens.AnswerAsync(http.Request, aborted);
        });
        Map("GET", OpenIdDocuments.AuthorityMetadataPath, (_, _) => Task.FromResult(ChannelAnswer.Ok(OpenIdDocuments.AuthorityMetadata(BaseUrl))));
        Map("GET", OpenIdDocuments.InstanceDiscoveryPath, (_, _) => Task.FromResult(ChannelAnswer.Ok(OpenIdDocuments.InstanceDiscovery(BaseUrl))));
        Map("POST", ConnectorEndpoint.ReplyPath, connector.AnswerAsync);
        Map("POST", ConnectorEndpoint.SendPath, connector.AnswerAsync);
    }

    private void Map(string method, string path, Func<HttpContext, CancellationToken, Task<ChannelAnswer>> answer)
    {
        app.MapMethods(path, [method], RespondAsync);

        async Task RespondAsync(HttpContext http)
        {
            var aborted = http.RequestAborted;
            try
            {
                await (await answer(http, aborted)).WriteAsync(http.Response, aborted);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException && aborted.IsCancellationRequested)
            {
                // The client gave up: nobody is listening for the answer.
            }
        }
    }
}
