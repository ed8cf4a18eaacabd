namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// The last handler before the Bot API: tells the send queue the moment a send's request leaves, so Telegram's
/// "30 in any second" is counted on the times Telegram sees rather than the times sends were started.
/// </summary>
internal sealed class TelegramWireClock(TelegramSendQueue queue) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        queue.OnWire();
        return base.SendAsync(request, cancellationToken);
    }
}
