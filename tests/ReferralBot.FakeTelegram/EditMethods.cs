using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>
/// editMessageText and editMessageReplyMarkup on messages the bot sent (or that a pressed button sat on). As in
/// Telegram, an edit without reply_markup removes the keyboard, and an edit that changes nothing is a 400.
/// </summary>
internal sealed class EditMethods(BotState state)
{
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private bool Strict => state.Options.Strict;

    public BotApiAnswer EditMessageText(BotApiCall call)
    {
        var (text, error) = FormattedText.Read(call, "text", Strict);
        if (error is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(text)) return BotApiAnswer.BadRequest("text must be non-empty");
        return Edit(call, message => message["text"] is null ? "there is no text in the message to edit" : null, message => message["text"] = text);
    }

    public BotApiAnswer EditMessageReplyMarkup(BotApiCall call) => Edit(call, _ => null, _ => { });

    private BotApiAnswer Edit(BotApiCall call, Func<JsonObject, string?> problem, Action<JsonObject> change)
    {
        if (Strict && ReplyMarkupCheck.Problem(call["reply_markup"]) is { } badMarkup) return BotApiAnswer.BadRequest(badMarkup);
        if (call["inline_message_id"] is not null) return BotApiAnswer.Ok(true);
        if (call.ChatId is not { } chatId || call.Long("message_id") is not { } messageId)
            return BotApiAnswer.BadRequest("message identifier is not specified");
        if (state.Message(chatId, messageId) is not { } message) return BotApiAnswer.BadRequest("message to edit not found");
        if (problem(message) is { } refused) return BotApiAnswer.BadRequest(refused);

        message.Remove("edit_date");
        var before = message.DeepClone();
        change(message);
        message.Remove("reply_markup");
        if (MessageMethods.InlineKeyboard(call) is { } keyboard) message["reply_markup"] = keyboard;
        if (Strict && JsonNode.DeepEquals(before, message)) return BotApiAnswer.BadRequest(NotModified);

        message["edit_date"] = call.At.ToUnixTimeSeconds();
        state.RememberMessage(message);
        return BotApiAnswer.Ok(message);
    }
}
