using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ReferralBot.FakeBotFramework;

/// <summary>A JSON answer with its status and, for throttling, a Retry-After in whole seconds.</summary>
internal readonly record struct ChannelAnswer(int Status, JsonNode Body, int? RetryAfterSeconds = null)
{
    public static ChannelAnswer Ok(JsonNode body) => new(200, body);

    /// <summary>The connector's error envelope: {"error":{"code":…,"message":…}}.</summary>
    public static ChannelAnswer ConnectorError(int status, string message, int? retryAfterSeconds = null, string? code = null) =>
        new(status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code ?? CodeFor(status), ["message"] = message },
        }, retryAfterSeconds);

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json; charset=utf-8";
        if (RetryAfterSeconds is { } seconds) response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsync(Body.ToJsonString(), cancellationToken);
    }

    private static string CodeFor(int status) =>
        Enum.IsDefined((HttpStatusCode)status) ? ((HttpStatusCode)status).ToString() : status.ToString(CultureInfo.InvariantCulture);
}
