using System.Globalization;
using ReferralBot.Channels.Telegram.Setup;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>Notifications and nudges to Telegram users, through the same rate-limited queue as replies.</summary>
internal sealed class TelegramOutboundChannel(TelegramReplySender sender, TelegramBotState state) : IOutboundChannel
{
    public const string Name = TelegramOptions.ChannelName;

    public string Channel => Name;

    public bool CanSendHere => state.IsReady && state.IsSender;

    public async Task<DeliveryResult> DeliverAsync(OutboundDelivery delivery, BeginSending beginSending, CancellationToken cancellationToken)
    {
        // Until the bot is connected (or with a refused token) nothing can go out; the outbox keeps it for later.
        if (!CanSendHere) return DeliveryResult.Failed;
        // A sender that lost its role (its database session ended) starts nothing more of what it had queued: the
        // outbox tries it again, on whichever instance sends now.
        BeginSending whileSender = (request, requests, ct) => state.IsSender ? beginSending(request, requests, ct) : Task.FromResult(false);
        return await sender.SendAsync(long.Parse(delivery.ChatId, CultureInfo.InvariantCulture), delivery.Replies, whileSender, delivery.FirstRequest).WaitAsync(cancellationToken);
    }
}
