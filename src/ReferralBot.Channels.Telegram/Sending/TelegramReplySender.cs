using ReferralBot.Core.Conversation;
using ReferralBot.Channels.Telegram.Setup;
using ReferralBot.Core.Outbound;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>Renders the core's replies as Bot API sends (HTML text, photos, documents) and queues them in order.</summary>
internal sealed class TelegramReplySender(ITelegramBotClient bot, TelegramSendQueue queue, TelegramBotState state)
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    /// <summary>Delivered when every reply was; otherwise the first thing that went wrong.</summary>
    /// <summary>A long text is several messages; the requests are numbered over all of them, the first <paramref name="firstRequest"/> skipped.</summary>
    public async Task<DeliveryResult> SendAsync(long chatId, IReadOnlyList<Reply> replies, BeginSending beginSending, int firstRequest = 0)
    {
        var requests = replies.SelectMany(reply => reply is TextReply text ? TelegramText.Split(text) : (IReadOnlyList<Reply>)[reply]).ToList();
        var sends = requests
            .Select((reply, request) => (reply, request))
            .Skip(firstRequest)
            .Select(r => queue.EnqueueAsync(chatId, Claimed(ct => beginSending(r.request, requests.Count, ct), Send(chatId, r.reply))))
            .ToList();
        var results = await Task.WhenAll(sends);
        return results.FirstOrDefault(r => r != DeliveryResult.Delivered, DeliveryResult.Delivered);
    }

    // A stored message is recorded as being sent just before its request starts (after any wait in the queue), so
    // a crash can only ever cut short the request on the wire, never send it twice.
    private static Func<CancellationToken, Task> Claimed(Func<CancellationToken, Task<bool>> beginSending, Func<CancellationToken, Task> send) =>
        async ct =>
        {
            if (!await beginSending(ct)) throw new SendWithdrawnException();
            await send(ct);
        };

    private Func<CancellationToken, Task> Send(long chatId, Reply reply) => reply switch
    {
        TextReply text => ct => bot.SendMessage(chatId, text.Html, ParseMode.Html,
            replyMarkup: TelegramKeyboard.For(text.Buttons, state.SupportsInlineQueries), linkPreviewOptions: NoPreview, cancellationToken: ct),
        ImageReply image => ct => bot.SendPhoto(chatId, InputFile.FromStream(new MemoryStream(image.Png), image.FileName),
            caption: image.CaptionHtml, parseMode: ParseMode.Html, cancellationToken: ct),
        DocumentReply document => ct => bot.SendDocument(chatId, InputFile.FromStream(new MemoryStream(document.Content), document.FileName),
            caption: document.CaptionHtml, parseMode: ParseMode.Html, cancellationToken: ct),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply, "Telegram cannot show this reply."),
    };
}
