using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Members;

/// <summary>
/// What a message says about its sender, cut to the lengths stored: kept on their person with every message.
/// <see cref="Language"/>: the language of theirs the bot speaks, taken for someone who has none yet.
/// </summary>
public sealed record SenderDetails(string DisplayName, string? Username, string Locale, string? PrivateChatId, string? Language)
{
    public static SenderDetails From(InboundMessage message, LanguageSet languages) => new(
        Truncate(string.IsNullOrWhiteSpace(message.DisplayName) ? message.UserId : message.DisplayName.Trim(), 128),
        message.Username is null ? null : Truncate(message.Username, 64),
        Truncate(message.Locale, 16),
        message.IsPrivateChat ? message.ChatId : null,
        languages.Match(message.Locale));

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
