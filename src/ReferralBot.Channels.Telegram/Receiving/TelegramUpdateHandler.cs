using System.Globalization;
using Microsoft.Extensions.Logging;
using ReferralBot.Channels.Telegram.Photos;
using ReferralBot.Channels.Telegram.Setup;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ReferralBot.Channels.Telegram.Receiving;

/// <summary>
/// One update from polling or the webhook, turned into the core's message (its update_id the delivery id) and handed
/// to the <see cref="InboundPipeline"/>, which stores the replies for the send queue; inline queries and the results
/// chosen from them go to <see cref="TelegramChatCards"/>. In groups only commands
/// addressed to this bot (<c>/help@ThisBot</c>) and presses of its buttons are for it; the rest is not read.
/// </summary>
internal sealed partial class TelegramUpdateHandler(
    ITelegramBotClient bot,
    InboundPipeline pipeline,
    TelegramChatCards chatCards,
    TelegramBotState state,
    ILogger<TelegramUpdateHandler> logger)
{
    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        switch (update)
        {
            case { InlineQuery: { } query }:
                await chatCards.AnswerAsync(query, cancellationToken);
                return;
            case { ChosenInlineResult: { } chosen }:
                await chatCards.RecordAsync(chosen, update.Id, cancellationToken);
                return;
        }

        var inbound = update switch
        {
            { Message: { } message } => await FromMessageAsync(message, cancellationToken),
            { CallbackQuery: { } query } => await AnswerButtonAsync(query, cancellationToken),
            _ => null,
        };
        if (inbound is null || !ForThisBot(inbound)) return;

        var result = await pipeline.HandleAsync(inbound with { DeliveryId = update.Id.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
        if (result.Duplicate) LogDuplicate(logger, update.Id);
    }

    private bool ForThisBot(InboundMessage inbound) =>
        inbound.IsPrivateChat || inbound.IsButtonPress
        || CommandLine.Parse(inbound.Text)?.AddressedTo is { } to && string.Equals(to, state.Username, StringComparison.OrdinalIgnoreCase);

    // A photo sent in a private chat comes with its bytes; one that cannot be fetched arrives empty, and is refused as no picture.
    private async Task<InboundMessage?> FromMessageAsync(Message message, CancellationToken cancellationToken)
    {
        var inbound = TelegramInbound.From(message);
        if (inbound is not { IsPrivateChat: true } || message.Photo is not { Length: > 0 } sizes) return inbound;
        try
        {
            return inbound with { Photo = await TelegramPhotos.DownloadAsync(bot, TelegramPhotos.Pick(sizes, TelegramPhotos.MessagePhotoSide), cancellationToken) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDownloadFailed(logger, ex, message.MessageId);
            return inbound with { Photo = [] };
        }
    }

    private async Task<InboundMessage?> AnswerButtonAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        try
        {
            await bot.AnswerCallbackQuery(query.Id, cancellationToken: cancellationToken); // stops the button's spinner
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAnswerFailed(logger, ex, query.Id);
        }

        return TelegramInbound.From(query);
    }

    [LoggerMessage(LogLevel.Debug, "Update {UpdateId} was already handled; skipped")]
    private static partial void LogDuplicate(ILogger logger, int updateId);

    [LoggerMessage(LogLevel.Warning, "Downloading the photo of message {MessageId} failed")]
    private static partial void LogDownloadFailed(ILogger logger, Exception exception, int messageId);

    [LoggerMessage(LogLevel.Warning, "Answering callback query {QueryId} failed")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, string queryId);
}
