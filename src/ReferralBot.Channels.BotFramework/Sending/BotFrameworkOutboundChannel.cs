using System.Text.Json;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.BotFramework.Sending;

/// <summary>Notifications and nudges to one Bot Framework channel (<c>msteams</c>, <c>webchat</c>…), through the stored conversation reference.</summary>
public sealed class BotFrameworkOutboundChannel(
    string channelId, ChannelAddresses addresses, ActivityRenderer renderer, ConnectorClient connector, TrustedServiceUrls trusted) : IOutboundChannel
{
    public string Channel => channelId;

    public async Task<DeliveryResult> DeliverAsync(string chatId, IReadOnlyList<Reply> replies, BeginSending beginSending, CancellationToken cancellationToken)
    {
        var stored = await addresses.FindAsync(channelId, chatId, cancellationToken);
        if (stored is null || JsonSerializer.Deserialize<ConversationReference>(stored) is not { } reference) return DeliveryResult.Unreachable;
        // References are stored only from accepted (authenticated) activities, so their service URL is one to trust,
        // also after a restart.
        trusted.Trust(reference.ServiceUrl);
        return await connector.SendAsync(reference, renderer.Render(replies, reference), replyToId: null, beginSending, cancellationToken);
    }
}
