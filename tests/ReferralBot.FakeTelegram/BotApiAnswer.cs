using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>An answer in the Bot API's envelope: {"ok":true,"result":…} or {"ok":false,"error_code":…,"description":…}.</summary>
internal readonly record struct BotApiAnswer(int Status, JsonObject Body)
{
    public static BotApiAnswer Ok(JsonNode? result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

    public static BotApiAnswer Error(int status, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = description };
        if (retryAfter is { } seconds) body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return new(status, body);
    }

    public static BotApiAnswer BadRequest(string problem) => Error(400, "Bad Request: " + problem);
}
