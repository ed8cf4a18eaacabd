using ReferralBot.Core.Conversation;
using Telegram.Bot.Types.ReplyMarkups;

namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>The core's buttons as an inline keyboard: Share opens Telegram's share sheet, commands come back as callbacks.</summary>
internal static class TelegramKeyboard
{
    private const int MaxCallbackBytes = 64;

    public static InlineKeyboardMarkup? For(IReadOnlyList<ReplyButton> buttons)
    {
        if (buttons.Count == 0) return null;
        var shares = buttons.Where(b => b.Kind == ButtonKind.Share).Select(Button).ToArray();
        var others = buttons.Where(b => b.Kind != ButtonKind.Share).Select(Button).Chunk(2);
        var rows = shares.Select(s => new[] { s }).Concat(others);
        return new InlineKeyboardMarkup(rows);
    }

    private static InlineKeyboardButton Button(ReplyButton button) => button.Kind switch
    {
        ButtonKind.Share => InlineKeyboardButton.WithUrl(button.Label,
            $"https://t.me/share/url?url={Uri.EscapeDataString(button.Value)}&text={Uri.EscapeDataString(button.ShareText ?? "")}"),
        ButtonKind.Link => InlineKeyboardButton.WithUrl(button.Label, button.Value),
        _ => InlineKeyboardButton.WithCallbackData(button.Label, Truncate(button.Value)),
    };

    // Telegram refuses callback data over 64 bytes; our command lines are far shorter, this only guards.
    private static string Truncate(string data)
    {
        while (System.Text.Encoding.UTF8.GetByteCount(data) > MaxCallbackBytes) data = data[..^1];
        return data;
    }
}
