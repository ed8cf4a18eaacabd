using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReferralBot.FakeTelegram;

/// <summary>getMe, the command menus and answerCallbackQuery.</summary>
internal sealed partial class SetupMethods(BotState state)
{
    private bool Strict => state.Options.Strict;

    public BotApiAnswer GetMe(BotApiCall call)
    {
        var me = state.BotUser();
        me["can_join_groups"] = state.Options.CanJoinGroups;
        me["can_read_all_group_messages"] = state.Options.CanReadAllGroupMessages;
        me["supports_inline_queries"] = state.Options.SupportsInlineQueries;
        return BotApiAnswer.Ok(me);
    }

    public BotApiAnswer SetMyCommands(BotApiCall call)
    {
        if (call.Json("commands") is not JsonArray commands) return BotApiAnswer.BadRequest("parameter \"commands\" is required");
        if (!Strict) return BotApiAnswer.Ok(true);
        if (commands.Count > 100) return BotApiAnswer.BadRequest("BOT_COMMANDS_TOO_MUCH");
        foreach (var command in commands)
        {
            if (!CommandName().IsMatch(Text(command?["command"]) ?? "")) return BotApiAnswer.BadRequest("BOT_COMMAND_INVALID");
            if (Text(command?["description"]) is not { Length: >= 1 and <= 256 }) return BotApiAnswer.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID");
        }

        return BotApiAnswer.Ok(true);
    }

    public static BotApiAnswer DeleteMyCommands(BotApiCall call) => BotApiAnswer.Ok(true);

    // Telegram answers each callback query once, and only ones it made.
    public BotApiAnswer AnswerCallbackQuery(BotApiCall call)
    {
        if (call["callback_query_id"] is not { Length: > 0 } id) return BotApiAnswer.BadRequest("parameter \"callback_query_id\" is required");
        if (Strict && !state.CloseCallbackQuery(id))
            return BotApiAnswer.BadRequest("query is too old and response timeout expired or query ID is invalid");
        return BotApiAnswer.Ok(true);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();
}
