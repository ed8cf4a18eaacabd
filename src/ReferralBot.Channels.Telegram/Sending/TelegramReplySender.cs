using ReferralBot.Core.Conversation;
using ReferralBot.Core.Outbound;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>Renders the core's replies as Bot API sends (HTML text, photos, documents) and queues them in order.</summary>
internal sealed class TelegramReplySender(ITelegramBotClient bot, TelegramSendQueue queue)
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    /// <summary>Delivered when every reply was; otherwise the first thing that went wrong.</summary>
    public async Task<DeliveryResult> SendAsync(long chatId, IReadOnlyList<Reply> replies)
    {
        var sends = replies.Select(reply => queue.EnqueueAsync(chatId, Send(chatId, reply))).ToList();
        var results = await Task.WhenAll(sends);
        return results.FirstOrDefault(r => r != DeliveryResult.Delivered, DeliveryResult.Delivered);
    }

    private Func<CancellationToken, Task> Send(long chatId, Reply reply) => reply switch
    {
        TextReply text => ct => bot.SendMessage(chatId, text.Html, ParseMode.Html,
            replyMarkup: TelegramKeyboard.For(text.Buttons), linkPreviewOptions: NoPreview, cancellationToken: ct),
        ImageReply image => ct => bot.SendPhoto(chatId, InputFile.FromStream(new MemoryStream(image.Png), image.FileName),
            caption: image.CaptionHtml, parseMode: ParseMode.Html, cancellationToken: ct),
        DocumentReply document => ct => bot.SendDocument(chatId, InputFile.FromStream(new MemoryStream(document.Content), document.FileName),
            caption: document.CaptionHtml, parseMode: ParseMode.Html, cancellationToken: ct),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply, "Telegram cannot show this reply."),
    };
}
