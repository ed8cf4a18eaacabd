namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// The last handler before the Bot API: tells the send queue the moment a send's request leaves, so Telegram's
/// "30 in any second" is counted on the times Telegram sees rather than the times sends were started.
/// </summary>
/// <remarks>
/// Telegram.Bot's JSON bodies are serialised lazily, as the request is written. They are written into a buffer here
/// first, so the stamp is not taken before that work: the first send of each kind spent tens of milliseconds warming
/// its serialiser after the stamp, long enough for the next 30 to fit in Telegram's second and draw a 429.
/// </remarks>
internal sealed class TelegramWireClock(TelegramSendQueue queue) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content) await content.LoadIntoBufferAsync(cancellationToken);
        queue.OnWire();
        return await base.SendAsync(request, cancellationToken);
    }
}
