namespace ReferralBot.Core.Links;

/// <summary>
/// The links a chat channel offers (registered by the channel, one each): a deep link that opens a chat with the bot
/// and claims a code, and the tag a share from that channel carries in tracked links. A channel without deep links
/// (the terminal, Bot Framework) registers none; its people share the web link.
/// </summary>
public interface IChannelLinks
{
    /// <summary>The channel's name, as in <see cref="Conversation.InboundMessage.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>The source tag (<c>?s=tg</c>) of links shared from this channel.</summary>
    string ShareSource { get; }

    /// <summary>A link that opens a private chat with the bot; null while the channel does not know it yet.</summary>
    string? ChatWithBot { get; }

    /// <summary>A link that opens a private chat with the bot and claims <paramref name="code"/>; null while unknown.</summary>
    DeepLink? ClaimLink(string code);
}
