using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Members;

/// <summary>What a message says about its sender, cut to the lengths stored: kept on their person with every message.</summary>
public sealed record SenderDetails(string DisplayName, string? Username, string Locale, string? PrivateChatId)
{
    public static SenderDetails From(InboundMessage message) => new(
        Truncate(string.IsNullOrWhiteSpace(message.DisplayName) ? message.UserId : message.DisplayName.Trim(), 128),
        message.Username is null ? null : Truncate(message.Username, 64),
        Truncate(message.Locale, 16),
        message.IsPrivateChat ? message.ChatId : null);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
