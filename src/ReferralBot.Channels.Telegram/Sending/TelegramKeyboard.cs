using ReferralBot.Core.Conversation;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// The core's buttons as an inline keyboard, two to a row in their order: Share opens Telegram's share sheet, Copy
/// puts the text on the clipboard, Share to a chat starts an inline query (left out while the bot has no inline
/// mode), commands come back as callbacks.
/// </summary>
internal static class TelegramKeyboard
{
    private const int MaxCallbackBytes = 64;

    public static InlineKeyboardMarkup? For(IReadOnlyList<ReplyButton> buttons, bool inlineMode)
    {
        var shown = buttons.Where(b => b.Kind != ButtonKind.ShareToChat || inlineMode).Select(Button).ToList();
        return shown.Count == 0 ? null : new InlineKeyboardMarkup(shown.Chunk(2));
    }

    private static InlineKeyboardButton Button(ReplyButton button) => button.Kind switch
    {
        ButtonKind.Share => InlineKeyboardButton.WithUrl(button.Label,
            $"https://t.me/share/url?url={Uri.EscapeDataString(button.Value)}&text={Uri.EscapeDataString(button.ShareText ?? "")}"),
        ButtonKind.Link => InlineKeyboardButton.WithUrl(button.Label, button.Value),
        ButtonKind.Copy => InlineKeyboardButton.WithCopyText(button.Label, new CopyTextButton { Text = button.Value }),
        ButtonKind.ShareToChat => InlineKeyboardButton.WithSwitchInlineQuery(button.Label, button.Value),
        _ => InlineKeyboardButton.WithCallbackData(button.Label, Truncate(button.Value)),
    };

    // Telegram refuses callback data over 64 bytes; our command lines are far shorter, this only guards.
    private static string Truncate(string data)
    {
        while (System.Text.Encoding.UTF8.GetByteCount(data) > MaxCallbackBytes) data = data[..^1];
        return data;
    }
}
