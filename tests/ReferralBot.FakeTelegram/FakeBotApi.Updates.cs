using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>Updates a test puts in, as a person's Telegram would make them; each gets the next update_id, from 1.</summary>
public sealed partial class FakeBotApi
{
    /// <summary>A text message from a person (a /command gets its bot_command entity). Chat: their private chat unless given.</summary>
    public long SendText(long userId, string text, string firstName = "Test", string? lastName = null, string? username = null,
        string languageCode = "en", long? chatId = null, string chatType = "private", string? chatTitle = null)
    {
        var user = BotApiJson.User(userId, firstName, lastName, username, languageCode);
        var chat = BotApiJson.Chat(chatId ?? userId, chatType, chatTitle, user);
        state.RememberChat(chat);
        return state.Updates.Add(id => new JsonObject
        {
            ["update_id"] = id,
            ["message"] = BotApiJson.TextMessage(state.NextMessageId(), user, chat, state.UnixNow, text),
        });
    }

    /// <summary>
    /// A press of an inline button carrying <paramref name="data"/>, on the bot's message <paramref name="messageId"/>
    /// (as the bot sent it, if it did; a stand-in message otherwise).
    /// </summary>
    public long PressButton(long userId, string data, long? messageId = null, string firstName = "Test", long? chatId = null)
    {
        var chatKey = chatId ?? userId;
        var message = (messageId is { } id ? state.Message(chatKey, id) : null) ?? new JsonObject
        {
            ["message_id"] = messageId ?? state.NextMessageId(),
            ["from"] = state.BotUser(),
            ["chat"] = state.Chat(chatKey),
            ["date"] = state.UnixNow,
            ["text"] = "(a message from the bot)",
        };
        state.RememberMessage(message);
        return state.Updates.Add(updateId =>
        {
            var queryId = $"{userId}{updateId:D6}";
            state.OpenCallbackQuery(queryId);
            return new JsonObject
            {
                ["update_id"] = updateId,
                ["callback_query"] = new JsonObject
                {
                    ["id"] = queryId,
                    ["from"] = BotApiJson.User(userId, firstName, null, null, "en"),
                    ["message"] = message,
                    ["chat_instance"] = $"ci{chatKey}",
                    ["data"] = data,
                },
            };
        });
    }

    /// <summary>A photo from a person, with an optional caption (a /command in it gets its bot_command entity).</summary>
    public long SendPhoto(long userId, byte[] jpeg, int width, int height, string? caption = null, string firstName = "Test", string languageCode = "en")
    {
        var user = BotApiJson.User(userId, firstName, null, null, languageCode);
        var chat = BotApiJson.Chat(userId, "private", null, user);
        state.RememberChat(chat);
        var sizes = files.PhotoSizes(jpeg, width, height);
        return state.Updates.Add(id =>
        {
            var message = BotApiJson.TextMessage(state.NextMessageId(), user, chat, state.UnixNow, caption ?? "");
            message.Remove("text");
            if (message.Remove("entities", out var entities)) message["caption_entities"] = entities;
            if (caption is not null) message["caption"] = caption;
            message["photo"] = sizes;
            return new JsonObject { ["update_id"] = id, ["message"] = message };
        });
    }

    /// <summary>Someone typing "@bot <paramref name="query"/>" in a chat's message box (inline mode).</summary>
    public long SendInlineQuery(long userId, string query, string firstName = "Test", string languageCode = "en") =>
        state.Updates.Add(updateId =>
        {
            var queryId = $"iq{userId}{updateId:D6}";
            state.OpenInlineQuery(queryId);
            return new JsonObject
            {
                ["update_id"] = updateId,
                ["inline_query"] = new JsonObject
                {
                    ["id"] = queryId, ["from"] = BotApiJson.User(userId, firstName, null, null, languageCode), ["query"] = query, ["offset"] = "",
                    ["chat_type"] = "private",
                },
            };
        });

    /// <summary>Telegram reporting the inline result the person picked (inline feedback on).</summary>
    public long ChooseInlineResult(long userId, string resultId, string query, string firstName = "Test") =>
        state.Updates.Add(updateId => new JsonObject
        {
            ["update_id"] = updateId,
            ["chosen_inline_result"] = new JsonObject
            {
                ["result_id"] = resultId, ["from"] = BotApiJson.User(userId, firstName, null, null, "en"), ["query"] = query,
                ["inline_message_id"] = $"im{updateId}",
            },
        });

    /// <summary>The picture a person shows on their profile (getUserProfilePhotos); null: none.</summary>
    public void SetProfilePhoto(long userId, byte[]? jpeg, int width = 640, int height = 640) => files.SetProfilePhoto(userId, jpeg, width, height);

    /// <summary>Telegram delivering the same update (same update_id, same JSON) once more, even if it was confirmed.</summary>
    public void Redeliver(long updateId) => state.Updates.Redeliver(updateId);

    /// <summary>The update's JSON, e.g. to post to the bot's webhook.</summary>
    public string UpdateJson(long updateId) => state.Updates.Json(updateId);
}
