using Telegram.Bot.Types.Enums;

namespace ReferralBot.Channels.Telegram.Receiving;

/// <summary>The updates the bot asks Telegram for, polling or by webhook: what <see cref="TelegramUpdateHandler"/> handles.</summary>
internal static class TelegramUpdateKinds
{
    public static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.InlineQuery, UpdateType.ChosenInlineResult];
}
