using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>The 400s Telegram gives for an inline keyboard it will not show.</summary>
internal static class ReplyMarkupCheck
{
    private static readonly string[] Actions =
    [
        "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
    ];

    /// <summary>The problem with the reply_markup field, or null if Telegram would take it.</summary>
    public static string? Problem(string? replyMarkup)
    {
        if (replyMarkup is null) return null;
        JsonNode? markup;
        try
        {
            markup = JsonNode.Parse(replyMarkup);
        }
        catch (JsonException)
        {
            return "can't parse reply keyboard markup JSON object";
        }

        if (markup is not JsonObject keyboard) return "can't parse reply keyboard markup JSON object";
        if (keyboard["inline_keyboard"] is not { } rows) return null;
        if (rows is not JsonArray rowList || rowList.Any(r => r is not JsonArray))
            return "can't parse inline keyboard button: field \"inline_keyboard\" must be an Array of Arrays";
        return rowList.SelectMany(r => r!.AsArray()).Select(ButtonProblem).FirstOrDefault(p => p is not null);
    }

    private static string? ButtonProblem(JsonNode? node)
    {
        if (node is not JsonObject button || Text(button["text"]) is not { Length: > 0 })
            return "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard";
        if (!Actions.Any(button.ContainsKey)) return "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard";
        if (button.ContainsKey("callback_data") && Encoding.UTF8.GetByteCount(Text(button["callback_data"]) ?? "") is 0 or > 64)
            return "BUTTON_DATA_INVALID";
        if (button.ContainsKey("url") && !IsButtonUrl(Text(button["url"]) ?? "")) return "BUTTON_URL_INVALID";
        if (button.ContainsKey("copy_text") && Text(button["copy_text"]?["text"]) is not { Length: >= 1 and <= 256 }) return "BUTTON_COPY_TEXT_INVALID";
        return null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    // Telegram opens http(s) links to real hosts and tg:// links; localhost and bare names are refused.
    private static bool IsButtonUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == "tg" || (uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal) && !uri.IsLoopback));
}
