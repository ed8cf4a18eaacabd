using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ReferralBot.Channels.BotFramework.Activities;
using ReferralBot.Channels.BotFramework.Setup;

namespace ReferralBot.Channels.BotFramework.Auth;

/// <summary>
/// Checks the bearer token a channel sends with each activity, as Bot Framework specifies: signed RS256 by a key
/// from the OpenID metadata (cached; fetched again once when a token names a key it does not know), issuer
/// <c>https://api.botframework.com</c>, audience the app id, lifetime with 5 minutes of skew, the <c>serviceurl</c>
/// claim equal to the activity's, and the key endorsed for the activity's channel.
/// </summary>
public sealed partial class InboundTokenValidator
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    private readonly BotFrameworkMetadata metadata;
    private readonly BotFrameworkOptions options;
    private readonly JsonWebTokenHandler handler = new();
    private readonly TimeProvider time;
    private readonly ILogger<InboundTokenValidator> logger;

    // Bot Framework's tokens are about 1-2 KB; a header far beyond that is not one.
    private const int MaxHeaderLength = 16 * 1024;

    public InboundTokenValidator(IOptions<BotFrameworkOptions> options, BotFrameworkMetadata metadata, TimeProvider time, ILogger<InboundTokenValidator> logger)
    {
        this.options = options.Value;
        this.metadata = metadata;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>
    /// What can be said of the header alone: there is a bearer token shaped like a JWT. Checked before the body is read,
    /// so a request without one costs nothing; null when it may be valid.
    /// </summary>
    public static AuthOutcome? CheckHeader(string? authorization) =>
        authorization is null || authorization.Length > MaxHeaderLength || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || authorization["Bearer ".Length..].Trim().Count(c => c == '.') != 2
            ? AuthOutcome.Unauthorized("An Authorization: Bearer token is required.")
            : null;

    public async Task<AuthOutcome> ValidateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (CheckHeader(authorization) is { } refused) return refused;
        var token = authorization!["Bearer ".Length..].Trim();

        var result = await CheckAsync(token, refreshed: false, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate: a token signed by a key we have not seen asks for the metadata again, once.
            result = await CheckAsync(token, refreshed: true, cancellationToken);
        }

        if (!result.IsValid)
        {
            LogRefused(logger, result.Exception?.GetType().Name ?? "invalid", activity.ChannelId);
            return AuthOutcome.Unauthorized("The bearer token is not valid for this bot.");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var serviceUrl = jwt.TryGetPayloadValue<string>("serviceurl", out var claimed) ? claimed : null;
        if (serviceUrl is null || activity.ServiceUrl is null || !string.Equals(serviceUrl.TrimEnd('/'), activity.ServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            return AuthOutcome.Unauthorized("The token's serviceurl does not match the activity's serviceUrl.");

        var configuration = await metadata.GetAsync(cancellationToken);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == jwt.Kid);
        return Endorses(key, activity.ChannelId) ? AuthOutcome.Ok : AuthOutcome.Forbidden($"The signing key is not endorsed for the channel '{activity.ChannelId}'.");
    }

    private async Task<TokenValidationResult> CheckAsync(string token, bool refreshed, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = refreshed ? await metadata.RefreshAsync(cancellationToken) : await metadata.GetAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            LogMetadataFailed(logger, ex, options.OpenIdMetadataUrl, refreshed);
            return new TokenValidationResult { IsValid = false, Exception = ex };
        }

        return await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = Skew,
            LifetimeValidator = (notBefore, expires, _, _) => Lifetime(notBefore, expires),
        });
    }

    // Against our clock (a TimeProvider), not the library's.
    private bool Lifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } e && now <= e + Skew && (notBefore is not { } n || now >= n - Skew);
    }

    private static bool Endorses(JsonWebKey? key, string? channelId)
    {
        if (key is null || channelId is null) return false;
        if (!key.AdditionalData.TryGetValue("endorsements", out var value)) return false;
        var endorsements = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.GetString()),
            IEnumerable<object> list => list.Select(o => o?.ToString()),
            _ => [],
        };
        return endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    [LoggerMessage(LogLevel.Warning, "Refused an activity from {Channel}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason, string? channel);

    [LoggerMessage(LogLevel.Error, "Could not read the Bot Framework OpenID metadata at {Url} (after a refresh: {Refreshed})")]
    private static partial void LogMetadataFailed(ILogger logger, Exception exception, string url, bool refreshed);
}
