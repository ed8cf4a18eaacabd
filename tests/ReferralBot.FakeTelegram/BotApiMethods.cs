using System.Collections.Frozen;

namespace ReferralBot.FakeTelegram;

/// <summary>The methods the fake knows (names case-insensitive, as in Telegram) and the order a call is judged in.</summary>
internal sealed class BotApiMethods
{
    private static readonly string[] Names =
    [
        "getMe", "setMyCommands", "deleteMyCommands", "setWebhook", "deleteWebhook", "getWebhookInfo", "getUpdates",
        "sendMessage", "sendPhoto", "sendDocument", "answerCallbackQuery", "editMessageText", "editMessageReplyMarkup",
        "getFile", "getUserProfilePhotos", "answerInlineQuery",
    ];

    private static readonly FrozenDictionary<string, string> CanonicalNames =
        Names.ToFrozenDictionary(n => n, n => n, StringComparer.OrdinalIgnoreCase);

    private readonly FailurePlan failures;
    private readonly FrozenDictionary<string, Func<BotApiCall, CancellationToken, Task<BotApiAnswer>>> handlers;

    public BotApiMethods(BotState state, FailurePlan failures, FileMethods files)
    {
        this.failures = failures;
        var setup = new SetupMethods(state);
        var updates = new UpdateMethods(state);
        var messages = new MessageMethods(state);
        var edits = new EditMethods(state);
        var inline = new InlineMethods(state);
        handlers = new Dictionary<string, Func<BotApiCall, CancellationToken, Task<BotApiAnswer>>>
        {
            ["getMe"] = Now(setup.GetMe),
            ["setMyCommands"] = Now(setup.SetMyCommands),
            ["deleteMyCommands"] = Now(SetupMethods.DeleteMyCommands),
            ["answerCallbackQuery"] = Now(setup.AnswerCallbackQuery),
            ["setWebhook"] = Now(updates.SetWebhook),
            ["deleteWebhook"] = Now(updates.DeleteWebhook),
            ["getWebhookInfo"] = Now(updates.GetWebhookInfo),
            ["getUpdates"] = updates.GetUpdatesAsync,
            ["sendMessage"] = Now(messages.SendMessage),
            ["sendPhoto"] = Now(messages.SendPhoto),
            ["sendDocument"] = Now(messages.SendDocument),
            ["editMessageText"] = Now(edits.EditMessageText),
            ["editMessageReplyMarkup"] = Now(edits.EditMessageReplyMarkup),
            ["getFile"] = Now(files.GetFile),
            ["getUserProfilePhotos"] = Now(files.GetUserProfilePhotos),
            ["answerInlineQuery"] = Now(inline.AnswerInlineQuery),
        }.ToFrozenDictionary();
    }

    public static string Canonical(string method) => CanonicalNames.GetValueOrDefault(method, method);

    public static bool IsSend(string method) => method is "sendMessage" or "sendPhoto" or "sendDocument";

    /// <summary>An unknown method is a 404; then an error a test asked for; then the method itself.</summary>
    public Task<BotApiAnswer> AnswerAsync(BotApiCall call, CancellationToken cancellationToken)
    {
        if (!handlers.TryGetValue(call.Method, out var handler)) return Task.FromResult(BotApiAnswer.Error(404, "Not Found"));
        if (failures.Take(call.Method, call.ChatId) is { } failure) return Task.FromResult(failure);
        return handler(call, cancellationToken);
    }

    private static Func<BotApiCall, CancellationToken, Task<BotApiAnswer>> Now(Func<BotApiCall, BotApiAnswer> handler) =>
        (call, _) => Task.FromResult(handler(call));
}
