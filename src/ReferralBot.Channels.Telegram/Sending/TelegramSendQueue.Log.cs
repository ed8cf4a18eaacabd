using Microsoft.Extensions.Logging;

namespace ReferralBot.Channels.Telegram.Sending;

internal sealed partial class TelegramSendQueue
{
    [LoggerMessage(LogLevel.Warning, "Telegram asked to slow down (429) on a send to {ChatId}; pausing all sends for {Seconds} s")]
    private static partial void LogRateLimited(ILogger logger, long chatId, double seconds);

    [LoggerMessage(LogLevel.Warning, "A send to {ChatId} failed (attempt {Attempt}); trying again in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, Exception exception, long chatId, int attempt, double seconds);

    [LoggerMessage(LogLevel.Error, "Could not record chat {ChatId} as unreachable")]
    private static partial void LogMarkFailed(ILogger logger, Exception exception, long chatId);

    [LoggerMessage(LogLevel.Information, "A send to {ChatId} was withdrawn by the outbox before it went out")]
    private static partial void LogWithdrawn(ILogger logger, long chatId);

    [LoggerMessage(LogLevel.Error, "Gave up a send to {ChatId} after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long chatId, int attempts);
}
