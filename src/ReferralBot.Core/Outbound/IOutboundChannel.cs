using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Outbound;

/// <summary>A channel the bot can write to on its own (notifications, nudges), through that channel's own send queue.</summary>
public interface IOutboundChannel
{
    /// <summary>The channel's name as in <see cref="InboundMessage.Channel"/>: <c>telegram</c>.</summary>
    string Channel { get; }

    /// <summary>
    /// False while this instance may not send on the channel (another instance holds its sender role, or it is not
    /// connected yet): the outbox leaves the channel's messages alone until it may.
    /// </summary>
    bool CanSendHere => true;

    /// <summary>
    /// Sends the replies in order, as requests numbered the same way every time (so a resumed delivery skips the first
    /// <see cref="OutboundDelivery.FirstRequest"/>). Call <paramref name="beginSending"/> before each request and send
    /// nothing once it says no.
    /// </summary>
    Task<DeliveryResult> DeliverAsync(OutboundDelivery delivery, BeginSending beginSending, CancellationToken cancellationToken);
}
