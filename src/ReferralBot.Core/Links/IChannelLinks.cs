namespace ReferralBot.Core.Links;

/// <summary>
/// The links a chat channel offers (registered by the channel, one each): a deep link that opens a chat with the bot
/// and claims a code. A channel without deep links
/// (the terminal, Bot Framework) registers none; its people share the web link.
/// </summary>
public interface IChannelLinks
{
    /// <summary>The channel's name, as in <see cref="Conversation.InboundMessage.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>A link that opens a private chat with the bot; null while the channel does not know it yet.</summary>
    string? ChatWithBot { get; }

    /// <summary>A link that opens a private chat with the bot and claims <paramref name="code"/>; null while unknown.</summary>
    DeepLink? ClaimLink(string code);
}
