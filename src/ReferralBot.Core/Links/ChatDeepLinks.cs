namespace ReferralBot.Core.Links;

/// <summary>
/// Deep links that open a chat with the bot and claim a code. A channel that learns the bot's handle
/// (the Telegram adapter through getMe, or <c>Telegram:BotUsername</c>) sets it here.
/// </summary>
public sealed class ChatDeepLinks
{
    private volatile string? telegramBotUsername;

    public string? TelegramBotUsername
    {
        get => telegramBotUsername;
        set => telegramBotUsername = string.IsNullOrWhiteSpace(value) ? null : value.Trim().TrimStart('@');
    }

    public IReadOnlyList<DeepLink> For(string code)
    {
        var username = telegramBotUsername;
        return username is null ? [] : [new DeepLink("Telegram", $"https://t.me/{username}?start={code}")];
    }
}
