using Microsoft.Extensions.Options;
using ReferralBot.Channels.Telegram.Setup;
using ReferralBot.Core.Links;

namespace ReferralBot.Channels.Telegram.Links;

/// <summary>t.me links to the bot: its username from getMe, or <c>Telegram:BotUsername</c> until then.</summary>
internal sealed class TelegramLinks(TelegramBotState state, IOptions<TelegramOptions> options) : IChannelLinks
{
    public string Channel => TelegramOptions.ChannelName;

    public string? ChatWithBot => Username is { } username ? $"https://t.me/{username}" : null;

    public DeepLink? ClaimLink(string code) => ChatWithBot is { } chat ? new DeepLink("Telegram", $"{chat}?start={code}") : null;

    private string? Username => state.Username ?? (string.IsNullOrWhiteSpace(options.Value.BotUsername) ? null : options.Value.BotUsername.Trim().TrimStart('@'));
}
