using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using ReferralBot.Channels.BotFramework.Activities;
using ReferralBot.Channels.BotFramework.Auth;
using ReferralBot.Channels.BotFramework.Setup;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.BotFramework.Sending;

/// <summary>
/// Every send to a Connector goes through here: one at a time per conversation (so replies keep their order), a few
/// at a time overall, with the bot's token, only to trusted service URLs. A 429 waits its Retry-After; 5xx and
/// network errors are tried again with a growing backoff; 403 and 404 mean the conversation is gone (unreachable).
/// </summary>
public sealed partial class ConnectorClient(
    IHttpClientFactory http,
    OutboundTokenProvider tokens,
    TrustedServiceUrls trusted,
    TimeProvider time,
    ILogger<ConnectorClient> logger) : IDisposable
{
    private const int MaxAttempts = 6;
    private readonly SemaphoreSlim overall = new(8);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> conversations = new(StringComparer.Ordinal);

    /// <summary>
    /// Posts the activities in order, from <paramref name="firstActivity"/> on (as replies to <paramref name="replyToId"/>
    /// when given); the first failure stops the rest. Each post is one request of the delivery.
    /// </summary>
    public async Task<DeliveryResult> SendAsync(
        ConversationReference to, IReadOnlyList<Activity> activities, string? replyToId, BeginSending? beginSending, int firstActivity, CancellationToken cancellationToken)
    {
        if (!trusted.IsTrusted(to.ServiceUrl))
        {
            LogUntrusted(logger, to.ServiceUrl);
            return DeliveryResult.Failed;
        }

        var lane = conversations.GetOrAdd($"{to.ServiceUrl}|{to.ConversationId}", _ => new SemaphoreSlim(1));
        await lane.WaitAsync(cancellationToken);
        try
        {
            for (var request = firstActivity; request < activities.Count; request++)
            {
                var begin = beginSending is null ? null : (Func<CancellationToken, Task<bool>>)(ct => beginSending(request, activities.Count, ct));
                var result = await PostAsync(to, activities[request], replyToId, begin, cancellationToken);
                if (result != DeliveryResult.Delivered) return result;
            }

            return DeliveryResult.Delivered;
        }
        finally
        {
            lane.Release();
        }
    }

    private async Task<DeliveryResult> PostAsync(
        ConversationReference to, Activity activity, string? replyToId, Func<CancellationToken, Task<bool>>? beginSending, CancellationToken cancellationToken)
    {
        var url = $"{to.ServiceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(to.ConversationId)}/activities"
            + (replyToId is null ? "" : "/" + Uri.EscapeDataString(replyToId));
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            await overall.WaitAsync(cancellationToken);
            try
            {
                if (beginSending is not null && !await beginSending(cancellationToken)) return DeliveryResult.Failed;
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(activity with { ReplyToId = replyToId }, options: ActivityJson.Options) };
                if (await tokens.TokenAsync(cancellationToken) is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.CreateClient(BotFrameworkSetup.HttpClientName).SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode) return DeliveryResult.Delivered;
                if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound) return DeliveryResult.Unreachable;
                if (response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500 || attempt >= MaxAttempts)
                {
                    LogGaveUp(logger, (int)response.StatusCode, to.ChannelId, attempt);
                    return DeliveryResult.Failed;
                }

                wait = response.StatusCode == HttpStatusCode.TooManyRequests
                    ? response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1)
                    : Backoff(attempt);
                LogRetrying(logger, (int)response.StatusCode, to.ChannelId, wait.TotalSeconds);
            }
            catch (HttpRequestException ex) when (attempt < MaxAttempts)
            {
                wait = Backoff(attempt);
                LogNetwork(logger, ex, to.ChannelId, wait.TotalSeconds);
            }
            finally
            {
                overall.Release();
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    public void Dispose()
    {
        overall.Dispose();
        foreach (var lane in conversations.Values) lane.Dispose();
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt - 1)));

    [LoggerMessage(LogLevel.Warning, "Not sending to {ServiceUrl}: it never came on an authenticated request")]
    private static partial void LogUntrusted(ILogger logger, string serviceUrl);

    [LoggerMessage(LogLevel.Warning, "The {Channel} connector answered {Status}; trying again in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, int status, string channel, double seconds);

    [LoggerMessage(LogLevel.Warning, "Could not reach the {Channel} connector; trying again in {Seconds} s")]
    private static partial void LogNetwork(ILogger logger, Exception exception, string channel, double seconds);

    [LoggerMessage(LogLevel.Error, "The {Channel} connector answered {Status} after {Attempts} attempts; giving up")]
    private static partial void LogGaveUp(ILogger logger, int status, string channel, int attempts);
}
