using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ReferralBot.Channels.BotFramework.Setup;

namespace ReferralBot.Channels.BotFramework.Auth;

/// <summary>
/// Bot Framework's OpenID metadata and signing keys (read with Microsoft.IdentityModel's retriever), kept for a day.
/// A token naming a key we do not have asks for them again, at most once per <c>MetadataRefreshInterval</c>, and
/// waits for the answer (the library's own manager refreshes in the background, which would refuse that token).
/// </summary>
public sealed class BotFrameworkMetadata(IOptions<BotFrameworkOptions> options, IHttpClientFactory http, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);
    private readonly SemaphoreSlim gate = new(1, 1);
    private OpenIdConnectConfiguration? current;
    private DateTimeOffset fetchedAt;

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) =>
        current is { } known && time.GetUtcNow() - fetchedAt < KeepFor ? Task.FromResult(known) : FetchAsync(force: false, cancellationToken);

    /// <summary>The keys again, unless they were fetched less than the refresh interval ago.</summary>
    public Task<OpenIdConnectConfiguration> RefreshAsync(CancellationToken cancellationToken) => FetchAsync(force: true, cancellationToken);

    private async Task<OpenIdConnectConfiguration> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var age = time.GetUtcNow() - fetchedAt;
            if (current is not null && (force ? age < options.Value.MetadataRefreshInterval : age < KeepFor)) return current;
            var retriever = new HttpDocumentRetriever(http.CreateClient(BotFrameworkSetup.HttpClientName)) { RequireHttps = true };
            current = await OpenIdConnectConfigurationRetriever.GetAsync(options.Value.OpenIdMetadataUrl, retriever, cancellationToken);
            fetchedAt = time.GetUtcNow();
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
