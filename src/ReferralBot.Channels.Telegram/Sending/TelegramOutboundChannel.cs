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
        return await sender.SendAsync(long.Parse(delivery.ChatId, CultureInfo.InvariantCulture), delivery.Replies, beginSending).WaitAsync(cancellationToken);
    }
}
