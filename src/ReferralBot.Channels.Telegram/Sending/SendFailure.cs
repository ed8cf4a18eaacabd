using System.Net.Sockets;
using Telegram.Bot.Exceptions;

namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>How to treat what a failed Bot API call threw.</summary>
internal static class SendFailure
{
    public static bool IsRateLimit(Exception ex, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (ex is not ApiRequestException { ErrorCode: 429 } api) return false;
        retryAfter = TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 1));
        return true;
    }

    /// <summary>403: the bot was blocked, kicked, or the user deactivated; nothing will ever get through.</summary>
    public static bool IsUnreachable(Exception ex) => ex is ApiRequestException { ErrorCode: 403 };

    /// <summary>A 5xx, a timeout or a network error: worth another try later.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        ApiRequestException api => api.ErrorCode >= 500,
        RequestException or HttpRequestException or SocketException or TimeoutException or TaskCanceledException => true,
        _ => false,
    };
}
