using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ReferralBot.FakeBotFramework;

/// <summary>
/// The Connector's activity endpoints: the bearer must be one the token endpoint issued, then any failure a test asked
/// for, then the body must be a JSON object; every call is recorded, whatever it was answered.
/// </summary>
internal sealed class ConnectorEndpoint(TokenEndpoint tokens, FailurePlan failures, ConnectorLog log, TimeProvider time)
{
    public const string ReplyPath = "/v3/conversations/{conversationId}/activities/{activityId}";
    public const string SendPath = "/v3/conversations/{conversationId}/activities";

    private long sequence;

    public async Task<ChannelAnswer> AnswerAsync(HttpContext http, CancellationToken aborted)
    {
        var at = time.GetUtcNow();
        var (conversationId, replyToId) = PathIds(http);
        var bearer = Bearer(http.Request);
        var activity = await ReadActivityAsync(http.Request, aborted);
        string? id = null;
        var answer = bearer is null ? ChannelAnswer.ConnectorError(401, "Authorization header not found.", code: "Unauthorized")
            : !tokens.IsIssued(bearer) ? ChannelAnswer.ConnectorError(401, "Authorization has been denied for this request.", code: "Unauthorized")
            : failures.Take() is { } failure ? failure
            : activity is null ? ChannelAnswer.ConnectorError(400, "The activity is missing or is not a JSON object.", code: "BadArgument")
            : ChannelAnswer.Ok(new JsonObject { ["id"] = id = NewActivityId() });
        // Recorded before answering: whoever awaits the bot's send finds it in Calls.
        log.Add(new ConnectorCall(conversationId, replyToId, activity ?? default, bearer, at, answer.Status) { ActivityId = id });
        return answer;
    }

    /// <summary>
    /// The ids from the raw request target, each segment unescaped once: a conversation id such as
    /// "19:abc@thread.skype;messageid=1" arrives escaped, and an escaped '/' inside it must not split it.
    /// </summary>
    private static (string ConversationId, string? ReplyToId) PathIds(HttpContext http)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.ToUriComponent();
        var path = target.Split('?', 2)[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        // v3 / conversations / {conversationId} / activities [ / {activityId} ]
        return (segments.ElementAtOrDefault(2) ?? "", segments.ElementAtOrDefault(4));
    }

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    private static async Task<JsonElement?> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var activity = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: cancellationToken);
            return activity.ValueKind == JsonValueKind.Object ? activity : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string NewActivityId() =>
        Interlocked.Increment(ref sequence).ToString("D7", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
}
