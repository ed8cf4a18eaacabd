using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.Telegram.Setup;

/// <summary>
/// One sender per bot token, whatever the number of instances: Telegram's limits (30 messages a second, one a second a
/// chat) are the bot's, so only the instance holding the bot's sender role sends, polls and sets the webhook and menus.
/// The others try to take it every <see cref="Retry"/>; when the holder dies, one of them has it within about two
/// seconds and, on a shared store, first waits out <see cref="Grace"/>, in which the dead holder's last sends still
/// count against the limits.
/// </summary>
internal sealed partial class TelegramSenderRole(
    IExclusiveRoles roles, TelegramBotState state, OutboxSignal outbox, IOptions<TelegramOptions> options, ILogger<TelegramSenderRole> logger)
    : BackgroundService
{
    // Wall-clock: these pace the store and the wire, they schedule nothing.
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1.5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The bot's id, the token's part before ':' (the secret after it stays out of the database).
        var role = "telegram-sender:" + options.Value.BotToken!.Split(':')[0];
        // Only an instance that has reached the Bot API competes: one still starting (or with a refused token) would
        // hold the role while unable to send, and a running one that could is kept waiting.
        await state.WhenReady.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var lease = await TryTakeAsync(role, stoppingToken);
            if (lease is null)
            {
                await Task.Delay(Retry, stoppingToken);
                continue;
            }

            await using (lease)
            {
                if (roles.SharedByInstances) await Task.Delay(Grace, stoppingToken);
                state.BecameSender();
                LogSender(logger);
                outbox.Notify(); // what waited for a sender goes now
                using var either = CancellationTokenSource.CreateLinkedTokenSource(lease.Lost, stoppingToken);
                try
                {
                    await Task.Delay(Timeout.Infinite, either.Token);
                }
                catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    LogLost(logger);
                }
                finally
                {
                    state.StoppedSending();
                }
            }
        }
    }

    private async Task<IRoleLease?> TryTakeAsync(string role, CancellationToken stoppingToken)
    {
        try
        {
            return await roles.TryTakeAsync(role, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTakeFailed(logger, ex);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Information, "This instance is the Telegram sender")]
    private static partial void LogSender(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "This instance lost the Telegram sender role (its database session ended); another instance may take it")]
    private static partial void LogLost(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Taking the Telegram sender role failed; trying again")]
    private static partial void LogTakeFailed(ILogger logger, Exception exception);
}
