using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>Users, chats and incoming messages shaped as the Bot API sends them.</summary>
internal static class BotApiJson
{
    // Telegram writes non-ASCII text as UTF-8, not as \u escapes; so does the fake, for readable bodies and updates.
    public static readonly JsonSerializerOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject User(long id, string firstName, string? lastName, string? username, string? languageCode)
    {
        var user = new JsonObject { ["id"] = id, ["is_bot"] = false, ["first_name"] = firstName };
        if (lastName is not null) user["last_name"] = lastName;
        if (username is not null) user["username"] = username;
        if (languageCode is not null) user["language_code"] = languageCode;
        return user;
    }

    public static JsonObject Chat(long id, string type, string? title, JsonObject user)
    {
        var chat = new JsonObject { ["id"] = id, ["type"] = type };
        if (type != "private")
        {
            chat["title"] = title ?? "Group";
            return chat;
        }

        foreach (var field in new[] { "first_name", "last_name", "username" })
        {
            if (user[field] is { } value) chat[field] = value.DeepClone();
        }

        return chat;
    }

    /// <summary>A text message from a person; a leading /command gets its bot_command entity, as Telegram marks it.</summary>
    public static JsonObject TextMessage(long messageId, JsonObject from, JsonObject chat, long date, string text)
    {
        var message = new JsonObject { ["message_id"] = messageId, ["from"] = from, ["chat"] = chat, ["date"] = date, ["text"] = text };
        if (text.Length > 1 && text[0] == '/' && !char.IsWhiteSpace(text[1]))
        {
            var end = text.AsSpan().IndexOfAny(' ', '\n', '\t');
            message["entities"] = new JsonArray(new JsonObject
            {
                ["offset"] = 0, ["length"] = end < 0 ? text.Length : end, ["type"] = "bot_command",
            });
        }

        return message;
    }
}
