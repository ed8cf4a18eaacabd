using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Storage;
using ReferralBot.Host.Purchases;

namespace ReferralBot.Host.Payouts;

/// <summary>
/// Posts stored payout events to <c>Payouts:WebhookUrl</c>, signed as the purchase webhook is (the same secret and
/// headers), in the order they happened: a failing one is retried with growing waits and holds the later ones back,
/// until it has failed <see cref="MaxAttempts"/> times. An instance leases an event before posting it, so instances
/// on one database do not post it twice at once; a post that got no answer is made again (the shop dedupes by <c>id</c>).
/// </summary>
public sealed partial class PayoutWebhookSender(
    IServiceScopeFactory scopes,
    PayoutWebhookSignal signal,
    IHttpClientFactory clients,
    IOptions<WebhookOptions> webhooks,
    IOptions<PayoutOptions> payouts,
    ThisInstance instance,
    TimeProvider time,
    ILogger<PayoutWebhookSender> logger) : BackgroundService
{
    public const string ClientName = "payout-webhook";
    public const int MaxAttempts = 12;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(payouts.Value.WebhookUrl)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PostNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(logger, ex);
            }

            await signal.WaitAsync(Poll, time, stoppingToken);
        }
    }

    /// <summary>Posts the oldest event not delivered, if it is due and not leased; false when there is none to post now.</summary>
    private async Task<bool> PostNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var next = await db.Set<PayoutWebhook>().AsNoTracking().Where(w => w.DeliveredAt == null && w.GaveUpAt == null)
            .OrderBy(w => w.Id).FirstOrDefaultAsync(cancellationToken);
        if (next is null || next.NextAttemptAt > now || next.LeasedUntil > now) return false;

        var leased = await db.Set<PayoutWebhook>()
            .Where(w => w.Id == next.Id && w.DeliveredAt == null && (w.LeasedUntil == null || w.LeasedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.LeasedBy, instance.Id).SetProperty(w => w.LeasedUntil, now + Lease), cancellationToken);
        if (leased == 0) return false; // another instance has it

        var error = await PostAsync(next, cancellationToken);
        var hook = await db.Set<PayoutWebhook>().SingleAsync(w => w.Id == next.Id, cancellationToken);
        now = time.GetUtcNow().UtcDateTime;
        (hook.Attempts, hook.LeasedBy, hook.LeasedUntil) = (hook.Attempts + 1, null, null);
        if (error is null)
        {
            hook.DeliveredAt = now;
            LogDelivered(logger, hook.EventId, hook.Attempts);
        }
        else
        {
            hook.LastError = error.Length > 500 ? error[..500] : error;
            if (hook.Attempts >= MaxAttempts)
            {
                hook.GaveUpAt = now;
                LogGaveUp(logger, hook.EventId, hook.Attempts, error);
            }
            else
            {
                hook.NextAttemptAt = now + Backoff(hook.Attempts);
                LogWillRetry(logger, hook.EventId, hook.Attempts, error, hook.NextAttemptAt);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return error is null;
    }

    /// <summary>30 seconds, doubling to at most 6 hours: twelve tries span about a day and a half.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, attempts - 1), TimeSpan.FromHours(6).TotalSeconds));

    // Null when the shop answered 2xx; else what went wrong, for the log and the row.
    private async Task<string?> PostAsync(PayoutWebhook hook, CancellationToken cancellationToken)
    {
        var secret = webhooks.Value.PurchaseSecret!;
        var body = Encoding.UTF8.GetBytes(hook.Payload);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, "sha256=" + WebhookSignature.Sign(secret, timestamp, body));
        request.Headers.Add(EventHeader, hook.Event);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ex.Message;
        }
    }

    public const string EventHeader = "X-ReferralBot-Event";

    [LoggerMessage(LogLevel.Information, "Payout webhook {EventId} delivered (attempt {Attempts})")]
    private static partial void LogDelivered(ILogger logger, string eventId, int attempts);

    [LoggerMessage(LogLevel.Warning, "Payout webhook {EventId} failed (attempt {Attempts}): {Error}; next try at {NextAttemptAt:u}")]
    private static partial void LogWillRetry(ILogger logger, string eventId, int attempts, string error, DateTime nextAttemptAt);

    [LoggerMessage(LogLevel.Error, "Payout webhook {EventId} gave up after {Attempts} attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string eventId, int attempts, string error);

    [LoggerMessage(LogLevel.Error, "The payout webhook sender failed; it looks again shortly")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
