using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ReferralBot.FakeBotFramework;

/// <summary>
/// The bot's side of Entra ID for the botframework.com tenant: client credentials in, an opaque bearer token out, as
/// MSAL and a hand-written form post both ask for it. Refusals carry AADSTS codes as Entra ID's do.
/// </summary>
internal sealed class TokenEndpoint(FakeChannelOptions options)
{
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    private readonly ConcurrentDictionary<string, byte> issued = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Issued => issued.Keys.ToArray();

    public bool IsIssued(string token) => issued.ContainsKey(token);

    public async Task<ChannelAnswer> AnswerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return Refusal("invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");

        var form = await request.ReadFormAsync(cancellationToken);
        string? Field(string name) => form.TryGetValue(name, out var values) ? values.ToString() : null;

        if (Field("grant_type") != "client_credentials")
            return Refusal("unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{Field("grant_type")}'.");
        if (Field("client_id") is not { Length: > 0 } clientId)
            return Refusal("invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
        if (clientId != options.AppId)
            return Refusal("invalid_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory 'Bot Framework'.");
        if (Field("client_secret") is not { Length: > 0 } secret)
            return Refusal("invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        if (secret != options.AppPassword)
            return Refusal("invalid_client", 7000215,
                $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.");
        if (Field("scope") != BotFrameworkScope)
            return Refusal("invalid_scope", 1002012,
                $"The provided value for scope {Field("scope")} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        issued[token] = 0;
        return ChannelAnswer.Ok(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = token,
        });
    }

    private static ChannelAnswer Refusal(string error, int code, string description)
    {
        var trace = Guid.NewGuid().ToString();
        var correlation = Guid.NewGuid().ToString();
        var timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new ChannelAnswer(400, new JsonObject
        {
            ["error"] = error,
            ["error_description"] =
                $"AADSTS{code}: {description} Trace ID: {trace} Correlation ID: {correlation} Timestamp: {timestamp}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = timestamp,
            ["trace_id"] = trace,
            ["correlation_id"] = correlation,
        });
    }
}
