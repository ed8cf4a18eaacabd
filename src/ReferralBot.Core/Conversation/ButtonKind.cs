namespace ReferralBot.Core.Conversation;

/// <summary>What a button does. Stored with the replies in the outbox, as numbers: new kinds go at the end.</summary>
public enum ButtonKind
{
    Command,
    Link,

    /// <summary>Opens the channel's share sheet with a link and a text.</summary>
    Share,

    /// <summary>Puts a short text on the clipboard; a channel that cannot leaves the button out.</summary>
    Copy,

    /// <summary>Lets the person pick a chat and post their card there (Telegram's inline mode); elsewhere left out.</summary>
    ShareToChat,
}
