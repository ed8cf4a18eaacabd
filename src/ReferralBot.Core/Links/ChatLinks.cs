namespace ReferralBot.Core.Links;

/// <summary>Every chat channel's links, and the ones for a person's own channel.</summary>
public sealed class ChatLinks(IEnumerable<IChannelLinks> channels)
{
    private readonly Dictionary<string, IChannelLinks> byChannel = channels.ToDictionary(c => c.Channel, StringComparer.Ordinal);

    /// <summary>Every channel's deep link that claims <paramref name="code"/> (shown on the code card).</summary>
    public IReadOnlyList<DeepLink> For(string code) => byChannel.Values.Select(c => c.ClaimLink(code)).OfType<DeepLink>().ToList();

    /// <summary>The links of <paramref name="channel"/>; null for a channel that has none.</summary>
    public IChannelLinks? Of(string channel) => byChannel.GetValueOrDefault(channel);
}
