using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>Updates shaped as the Bot API sends them.</summary>
internal static class BotApiJson
{
    public static JsonObject User(long id, string firstName, string? lastName, string? username, string languageCode)
    {
        var user = new JsonObject { ["id"] = id, ["is_bot"] = false, ["first_name"] = firstName, ["language_code"] = languageCode };
        if (lastName is not null) user["last_name"] = lastName;
        if (username is not null) user["username"] = username;
        return user;
    }

    public static JsonObject Chat(long id, string type, string? title, string firstName)
    {
        var chat = new JsonObject { ["id"] = id, ["type"] = type };
        if (type == "private") chat["first_name"] = firstName;
        else chat["title"] = title ?? "Group";
        return chat;
    }

    public static JsonObject Message(long messageId, JsonObject from, JsonObject chat, long date, string text)
    {
        var message = new JsonObject { ["message_id"] = messageId, ["from"] = from, ["chat"] = chat, ["date"] = date, ["text"] = text };
        if (text.StartsWith('/'))
        {
            var end = text.IndexOfAny([' ', '\n']);
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = end < 0 ? text.Length : end });
        }

        return message;
    }
}
