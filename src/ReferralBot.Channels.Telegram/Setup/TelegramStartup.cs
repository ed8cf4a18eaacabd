using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Channels.Telegram.Receiving;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace ReferralBot.Channels.Telegram.Setup;

/// <summary>
/// Connects the bot: getMe (its username makes the deep links), the webhook or, for polling, no webhook, then the
/// command menus (everyone's, and the admins' in their own chats, in each language). A refused token is one clear log line and
/// the channel stays off; the rest of the service runs on. Telegram being unreachable is retried.
/// </summary>
internal sealed partial class TelegramStartup(
    ITelegramBotClient bot,
    TelegramBotState state,
    IServiceScopeFactory scopes,
    PromptRenderer prompts,
    LanguageSet languages,
    IOptions<TelegramOptions> options,
    IOptions<BotOptions> botOptions,
    TimeProvider time,
    ILogger<TelegramStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await ConnectAsync(stoppingToken);
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404)
            {
                LogTokenRefused(logger, ex.ErrorCode, ex.Message);
                state.Failed("Telegram refused the bot token (Telegram:BotToken); the Telegram channel is off.");
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                var pause = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt)));
                state.Failed($"Cannot reach the Telegram Bot API yet (getMe, setMyCommands or setWebhook); trying again every {pause.TotalSeconds:0} s.");
                LogUnreachable(logger, ex, pause.TotalSeconds);
                await Task.Delay(pause, time, stoppingToken);
            }
        }
    }

    // Every instance learns the bot's username (its links need it); only the sender sets the menus and the webhook.
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (!state.IsReady)
        {
            var me = await bot.GetMe(cancellationToken);
            state.Connected(me.Username ?? throw new InvalidOperationException("getMe returned a bot without a username."), me.SupportsInlineQueries);
        }

        await state.WhenSender.WaitAsync(cancellationToken);
        // The webhook first: a sender taking over lets updates flow before it sets the menus (one call a language).
        var settings = options.Value;
        if (settings.UsesWebhook)
            await bot.SetWebhook(settings.WebhookUrl!, allowedUpdates: TelegramUpdateKinds.Wanted, maxConnections: settings.WebhookMaxConnections,
                secretToken: settings.WebhookSecret, cancellationToken: cancellationToken);
        else
            await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
        await SetMenusAsync(cancellationToken);

        state.Configured();
        LogConnected(logger, state.Username!, settings.UsesWebhook ? "webhook" : "long polling");
    }

    // One menu a language: the fallback's for everyone, and each other language's for those whose app speaks it
    // (Telegram's language_code is the tag's first part: zh for zh-Hans). An admin's own chat takes the admin menu in
    // each language, as a chat's menu comes before the default one in any language.
    private async Task SetMenusAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetServices<IChatCommand>().Where(c => c.MenuPrompt is not null).ToList();
        var admins = commands.Any(c => c.AdminOnly) ? TelegramAdmins().ToList() : [];
        foreach (var (language, code) in MenuLanguages())
        {
            await bot.SetMyCommands(await MenuAsync(commands.Where(c => !c.AdminOnly), language), new BotCommandScopeDefault(), code, cancellationToken);
            if (admins.Count == 0) continue;

            var adminMenu = await MenuAsync(commands, language);
            foreach (var admin in admins)
                await bot.SetMyCommands(adminMenu, new BotCommandScopeChat { ChatId = admin }, code, cancellationToken);
        }
    }

    // The fallback without a code (every app language the bot does not speak), then one language per code.
    private IEnumerable<(string Language, string? Code)> MenuLanguages() =>
        languages.All.Skip(1).DistinctBy(LanguageSet.Primary)
            .Where(l => LanguageSet.Primary(l) != LanguageSet.Primary(languages.Fallback))
            .Select(l => (l, (string?)LanguageSet.Primary(l)))
            .Prepend((languages.Fallback, null));

    private async Task<List<BotCommand>> MenuAsync(IEnumerable<IChatCommand> commands, string language)
    {
        var menu = new List<BotCommand>();
        foreach (var command in commands)
            menu.Add(new BotCommand { Command = command.Name, Description = await prompts.RenderPlainAsync(command.MenuPrompt!, null, language) });
        return menu;
    }

    private IEnumerable<long> TelegramAdmins() => botOptions.Value.Admins
        .Select(a => ChatAddress.TryParse(a, out var address) ? address : null)
        .Where(a => a?.Channel == TelegramOptions.ChannelName && long.TryParse(a.Value.UserId, out _))
        .Select(a => long.Parse(a!.Value.UserId, System.Globalization.CultureInfo.InvariantCulture));

    [LoggerMessage(LogLevel.Critical, "Telegram refused the bot token ({Status}: {Reason}). Check Telegram:BotToken. The Telegram channel is off; the rest of ReferralBot keeps running.")]
    private static partial void LogTokenRefused(ILogger logger, int status, string reason);

    [LoggerMessage(LogLevel.Warning, "Cannot reach the Telegram Bot API; trying again in {Seconds} s")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(LogLevel.Information, "Telegram bot @{Username} connected ({Mode})")]
    private static partial void LogConnected(ILogger logger, string username, string mode);
}
