using System.Globalization;
using Microsoft.Extensions.Logging;
using ReferralBot.Channels.Telegram.Sending;
using ReferralBot.Channels.Telegram.Setup;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Prompts;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ReferralBot.Channels.Telegram.Receiving;

/// <summary>
/// One update from polling or the webhook: recorded first (a redelivery is a no-op), then answered through the
/// conversation core. In groups only commands addressed to this bot are answered, and anything personal is sent
/// to a private chat instead. The replies are queued, not awaited, so one slow chat holds up no other.
/// </summary>
internal sealed partial class TelegramUpdateHandler(
    ITelegramBotClient bot,
    InboundReceipts receipts,
    ConversationGateway conversation,
    TelegramReplySender sender,
    TelegramBotState state,
    PromptRenderer prompts,
    ILogger<TelegramUpdateHandler> logger)
{
    private static readonly HashSet<string> SafeInGroups = ["help"];

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        if (!await receipts.TryRecordAsync(TelegramInbound.Channel, update.Id.ToString(CultureInfo.InvariantCulture), cancellationToken))
        {
            LogDuplicate(logger, update.Id);
            return;
        }

        var inbound = update switch
        {
            { Message: { } message } => TelegramInbound.From(message),
            { CallbackQuery: { } query } => await AnswerButtonAsync(query, cancellationToken),
            _ => null,
        };
        if (inbound is null) return;

        var replies = inbound.IsPrivateChat ? await conversation.HandleAsync(inbound, cancellationToken) : await InGroupAsync(inbound, cancellationToken);
        if (replies.Count > 0) _ = sender.SendAsync(long.Parse(inbound.ChatId, CultureInfo.InvariantCulture), replies);
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

    private async Task<IReadOnlyList<Reply>> InGroupAsync(InboundMessage inbound, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(inbound.Text);
        var addressedToUs = line?.AddressedTo is { } to && string.Equals(to, state.Username, StringComparison.OrdinalIgnoreCase);
        if (line is null || !(addressedToUs || inbound.IsButtonPress)) return [];
        if (SafeInGroups.Contains(line.Name)) return await conversation.HandleAsync(inbound, cancellationToken);

        var link = $"https://t.me/{state.Username}";
        return [await prompts.TextAsync(PromptName.GroupUsePrivateChat, new { Link = link }, inbound.Locale)];
    }

    [LoggerMessage(LogLevel.Debug, "Update {UpdateId} was already handled; skipped")]
    private static partial void LogDuplicate(ILogger logger, int updateId);

    [LoggerMessage(LogLevel.Warning, "Answering callback query {QueryId} failed")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, string queryId);
}
