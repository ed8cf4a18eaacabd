using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>sendMessage, sendPhoto and sendDocument: checked as Telegram checks them, limited if asked, answered with the Message.</summary>
internal sealed class MessageMethods(BotState state)
{
    private bool Strict => state.Options.Strict;

    public BotApiAnswer SendMessage(BotApiCall call)
    {
        var (text, error) = FormattedText.Read(call, "text", Strict);
        if (error is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(text)) return BotApiAnswer.BadRequest("message text is empty");
        return Send(call, message => message["text"] = text);
    }

    public BotApiAnswer SendPhoto(BotApiCall call) => SendFile(call, "photo", MediaJson.Photo, MediaJson.Photo);

    public BotApiAnswer SendDocument(BotApiCall call) => SendFile(call, "document", MediaJson.Document, MediaJson.Document);

    private BotApiAnswer SendFile(BotApiCall call, string field, Func<string, UploadedPart, JsonNode> uploaded, Func<string, JsonNode> named)
    {
        var upload = call.Files.GetValueOrDefault(field);
        var reference = call[field];
        if (upload is null && string.IsNullOrEmpty(reference)) return BotApiAnswer.BadRequest($"there is no {field} in the request");
        var (caption, error) = FormattedText.Read(call, "caption", Strict);
        if (error is { } refused) return refused;
        return Send(call, message =>
        {
            message[field] = upload is not null ? Issue(field, id => uploaded(id, upload)) : Named(field, reference!, named);
            if (!string.IsNullOrEmpty(caption)) message["caption"] = caption;
        });
    }

    private JsonNode Issue(string field, Func<string, JsonNode> media)
    {
        var fileId = $"{field}-{state.NextFileNumber()}";
        var made = media(fileId);
        state.RememberFile(fileId, made);
        return made;
    }

    // A file_id the fake issued gives back that same file; a URL is fetched (by Telegram) and becomes a new file.
    private JsonNode Named(string field, string reference, Func<string, JsonNode> named)
    {
        if (state.File(reference) is { } known) return known;
        return Uri.TryCreate(reference, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? Issue(field, named)
            : named(reference);
    }

    private BotApiAnswer Send(BotApiCall call, Action<JsonObject> fill)
    {
        if (call.ChatId is not { } chatId) return BotApiAnswer.BadRequest(call["chat_id"] is null ? "chat_id is empty" : "chat not found");
        if (Strict && ReplyMarkupCheck.Problem(call["reply_markup"]) is { } problem) return BotApiAnswer.BadRequest(problem);
        if (state.Options.EnforceLimits && !state.Limits.TryAccept(chatId, call.At))
            return BotApiAnswer.Error(429, "Too Many Requests: retry after 1", retryAfter: 1);

        var message = new JsonObject
        {
            ["message_id"] = state.NextMessageId(),
            ["from"] = state.BotUser(),
            ["chat"] = state.Chat(chatId),
            ["date"] = call.At.ToUnixTimeSeconds(),
        };
        fill(message);
        if (InlineKeyboard(call) is { } keyboard) message["reply_markup"] = keyboard;
        state.RememberMessage(message);
        return BotApiAnswer.Ok(message);
    }

    /// <summary>The inline keyboard a call attaches (Telegram echoes only those in the Message), or null.</summary>
    public static JsonObject? InlineKeyboard(BotApiCall call) =>
        call.Json("reply_markup") is JsonObject markup && markup.ContainsKey("inline_keyboard") ? markup : null;
}
