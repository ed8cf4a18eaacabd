using ReferralBot.Core.Conversation;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.Console;

/// <summary>Messages the bot sends a terminal user on its own are printed as they go out, marked with who they are for.</summary>
internal sealed class ConsoleOutboundChannel(ConsoleReplyWriter writer) : IOutboundChannel
{
    public string Channel => ConsoleChatService.Channel;

    public async Task<DeliveryResult> DeliverAsync(string chatId, IReadOnlyList<Reply> replies, BeginSending beginSending, CancellationToken cancellationToken)
    {
        if (!await beginSending(cancellationToken)) return DeliveryResult.Failed;
        await writer.WriteAsync(replies, $"📨 to {chatId}:", cancellationToken);
        return DeliveryResult.Delivered;
    }
}
