using System.Text.Json;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.BotFramework.Sending;

/// <summary>Notifications and nudges to one Bot Framework channel (<c>msteams</c>, <c>webchat</c>…), through the stored conversation reference.</summary>
public sealed class BotFrameworkOutboundChannel(
    string channelId, ChannelAddresses addresses, ActivityRenderer renderer, ConnectorClient connector, TrustedServiceUrls trusted) : IOutboundChannel
{
    public string Channel => channelId;

    public async Task<DeliveryResult> DeliverAsync(OutboundDelivery delivery, BeginSending beginSending, CancellationToken cancellationToken)
    {
        var stored = await addresses.FindAsync(channelId, delivery.ChatId, cancellationToken);
        if (stored is null || JsonSerializer.Deserialize<ConversationReference>(stored) is not { } reference) return DeliveryResult.Unreachable;
        // References are stored only from accepted (authenticated) activities, so their service URL is one to trust,
        // also after a restart.
        trusted.Trust(reference.ServiceUrl);
        // An answer is posted as a reply to the activity it answers (its id follows the conversation's in the delivery id).
        var replyToId = delivery.AnswersDelivery?.Split('|') is [_, var activityId, ..] ? activityId : null;
        return await connector.SendAsync(reference, renderer.Render(delivery.Replies, reference), replyToId, beginSending, delivery.FirstRequest, cancellationToken);
    }
}
