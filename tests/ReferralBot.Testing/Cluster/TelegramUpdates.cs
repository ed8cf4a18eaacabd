using System.Text.Json.Nodes;

namespace ReferralBot.Testing.Cluster;

/// <summary>Telegram updates as the Bot API posts them to a webhook.</summary>
public static class TelegramUpdates
{
    /// <summary>A text message from <paramref name="user"/> in their private chat with the bot.</summary>
    public static string Text(long updateId, long user, string firstName, string text)
    {
        var person = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = firstName };
        return new JsonObject
        {
            ["update_id"] = updateId,
            ["message"] = new JsonObject
            {
                ["message_id"] = updateId,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private", ["first_name"] = firstName },
                ["from"] = person,
                ["text"] = text,
            },
        }.ToJsonString();
    }
}
