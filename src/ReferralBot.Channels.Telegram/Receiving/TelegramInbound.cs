using System.Globalization;
using ReferralBot.Core.Conversation;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ReferralBot.Channels.Telegram.Receiving;

/// <summary>Telegram's messages and button presses as the core's channel-neutral <see cref="InboundMessage"/>.</summary>
internal static class TelegramInbound
{
    public const string Channel = Setup.TelegramOptions.ChannelName;

    /// <summary>A text message, or a photo with its caption as the text (the photo itself is downloaded by the handler).</summary>
    public static InboundMessage? From(Message message)
    {
        if (message.From is not { IsBot: false } from) return null;
        var text = message.Text ?? (message.Photo is { Length: > 0 } ? message.Caption ?? "" : null);
        if (text is null) return null;
        return Person(from, message.Chat, text) with { IsPrivateChat = message.Chat.Type == ChatType.Private };
    }

    public static InboundMessage? From(CallbackQuery query)
    {
        if (query.Message?.Chat is not { } chat || query.Data is not { } data) return null;
        return Person(query.From, chat, data) with { IsPrivateChat = chat.Type == ChatType.Private, IsButtonPress = true };
    }

    private static InboundMessage Person(User from, Chat chat, string text) =>
        new(Channel, chat.Id.ToString(CultureInfo.InvariantCulture), from.Id.ToString(CultureInfo.InvariantCulture), Name(from), text)
        {
            Username = from.Username,
            Locale = from.LanguageCode ?? "", // none: their campaign's language
        };

    private static string Name(User from) => $"{from.FirstName} {from.LastName}".Trim();
}
