using System.Text;
using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>answerInlineQuery, as strict as Telegram about the query (answered once, only ones it made) and the results.</summary>
internal sealed class InlineMethods(BotState state)
{
    public BotApiAnswer AnswerInlineQuery(BotApiCall call)
    {
        if (call["inline_query_id"] is not { Length: > 0 } id) return BotApiAnswer.BadRequest("parameter \"inline_query_id\" is required");
        if (call.Json("results") is not JsonArray results) return BotApiAnswer.BadRequest("parameter \"results\" is required");
        if (state.Options.Strict && !state.CloseInlineQuery(id))
            return BotApiAnswer.BadRequest("query is too old and response timeout expired or query ID is invalid");
        if (results.Count > 50) return BotApiAnswer.BadRequest("RESULTS_TOO_MUCH");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            if (Text(result?["id"]) is not { } resultId || Encoding.UTF8.GetByteCount(resultId) is 0 or > 64 || !ids.Add(resultId))
                return BotApiAnswer.BadRequest("RESULT_ID_INVALID");
            if (Text(result?["type"]) == "article" && (Text(result?["title"]) is not { Length: > 0 } || result?["input_message_content"] is not JsonObject))
                return BotApiAnswer.BadRequest("ARTICLE_TITLE_EMPTY");
            if (ReplyMarkupCheck.Problem(result?["reply_markup"]?.ToJsonString()) is { } problem) return BotApiAnswer.BadRequest(problem);
        }

        return BotApiAnswer.Ok(true);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
