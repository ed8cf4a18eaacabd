using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Channels.Telegram.Setup;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ReferralBot.Channels.Telegram.Receiving;

/// <summary>
/// Long polling: asks Telegram for updates, handles each, and confirms them by moving the offset on. One update
/// that fails is logged and does not hold up the rest; a failed poll cools down with a growing pause.
/// </summary>
internal sealed partial class TelegramPollingService(
    ITelegramBotClient bot,
    TelegramUpdateHandler handler,
    TelegramBotState state,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await state.WhenConfigured.WaitAsync(stoppingToken);
        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Only the instance holding the bot's sender role polls: Telegram answers one poller at a time.
                if (!state.IsSender) await state.WhenSender.WaitAsync(stoppingToken);
                var updates = await bot.GetUpdates(offset, 100, options.Value.PollingTimeoutSeconds, TelegramUpdateKinds.Wanted, stoppingToken);
                failures = 0;
                foreach (var update in updates)
                {
                    await HandleOneAsync(update, stoppingToken);
                    offset = update.Id + 1;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var pause = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures++)));
                LogPollFailed(logger, ex, pause.TotalSeconds);
                await Task.Delay(pause, time, stoppingToken);
            }
        }
    }

    private async Task HandleOneAsync(Update update, CancellationToken stoppingToken)
    {
        try
        {
            await handler.HandleAsync(update, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogUpdateFailed(logger, ex, update.Id);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Polling Telegram failed; trying again in {Seconds} s")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(LogLevel.Error, "Handling Telegram update {UpdateId} failed; going on with the next")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, int updateId);
}
