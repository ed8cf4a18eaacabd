using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Sharing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;
using Telegram.Bot.Types.ReplyMarkups;

namespace ReferralBot.Channels.Telegram.Receiving;

/// <summary>
/// Inline mode: "@bot" typed in any chat (or the Share to a chat button) lists the person's cards; the one they pick is
/// posted with its link, whose preview is the page's card, and a button. Telegram reports the pick (where inline
/// feedback is on in BotFather), and it is counted once.
/// </summary>
internal sealed partial class TelegramChatCards(
    ITelegramBotClient bot, IServiceScopeFactory scopes, PromptRenderer prompts, ILogger<TelegramChatCards> logger)
{
    private const string Channel = TelegramInbound.Channel;

    // Each person's own cards: Telegram may keep them a little, for them alone.
    private const int CacheSeconds = 10;

    public async Task AnswerAsync(InlineQuery query, CancellationToken cancellationToken)
    {
        var locale = string.IsNullOrWhiteSpace(query.From.LanguageCode) ? "en" : query.From.LanguageCode;
        IReadOnlyList<ChatCard> cards;
        await using (var scope = scopes.CreateAsyncScope())
            cards = await scope.ServiceProvider.GetRequiredService<ChatCards>().ForAsync(Channel, UserId(query.From), query.Query, locale, cancellationToken);

        // Someone without a code is offered the chat where they get one.
        var getCode = cards.Count > 0 ? null
            : new InlineQueryResultsButton { Text = await prompts.RenderPlainAsync(PromptName.InlineNoCode, null, locale), StartParameter = StartCommand.JoinParameter };
        try
        {
            await bot.AnswerInlineQuery(query.Id, cards.Select(Article), CacheSeconds, isPersonal: true, button: getCode, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException ex)
        {
            // The person typed on: Telegram no longer wants the answer to this query.
            LogAnswerFailed(logger, ex, query.Id);
        }
    }

    public async Task RecordAsync(ChosenInlineResult chosen, int updateId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ChatCards>().RecordPostedAsync(
            Channel, UserId(chosen.From), chosen.ResultId, updateId.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    private static InlineQueryResultArticle Article(ChatCard card) => new(
        card.Id,
        card.Title,
        new InputTextMessageContent(card.MessageHtml)
        {
            ParseMode = ParseMode.Html,
            LinkPreviewOptions = new LinkPreviewOptions { Url = card.Link, PreferLargeMedia = true },
        })
    {
        Description = card.Description,
        ThumbnailUrl = card.ThumbnailUrl,
        ReplyMarkup = new InlineKeyboardMarkup(InlineKeyboardButton.WithUrl(card.ButtonLabel, card.Link)),
    };

    private static string UserId(User user) => user.Id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(LogLevel.Information, "Inline query {QueryId} was not answered in time")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, string queryId);
}
