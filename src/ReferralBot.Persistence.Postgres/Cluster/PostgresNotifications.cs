using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Outbound;
using ReferralBot.Persistence.Postgres.Clicks;
using ReferralBot.Persistence.Postgres.Outbound;

namespace ReferralBot.Persistence.Postgres.Cluster;

/// <summary>
/// Listens on its own connection for what other instances (and this one) change: new outbox rows
/// (<see cref="OutboxWakeupTrigger"/>) wake the dispatcher, a changed campaign (<see cref="CampaignChangeTrigger"/>)
/// expires its cached redirect targets. A lost connection is opened again; meanwhile the dispatcher's poll
/// (<c>Outbox:PollInterval</c>) and the cache's expiry (<c>Clicks:TargetCacheDuration</c>) still catch up, only later,
/// and once listening again everything cached is dropped, as anything may have changed unheard.
/// </summary>
internal sealed partial class PostgresNotifications(
    NpgsqlDataSource dataSource, OutboxSignal outbox, RedirectCacheSignal redirects, ILogger<PostgresNotifications> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Received(e.Channel, e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxWakeupTrigger.Channel}; LISTEN {CampaignChangeTrigger.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (attempt > 0) redirects.ChangedAll();
                attempt = 0;
                // Anything added while not listening is found now, not at the next poll.
                outbox.Notify();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                var pause = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt)));
                LogLost(logger, ex, pause.TotalSeconds);
                await Task.Delay(pause, stoppingToken);
            }
        }
    }

    private void Received(string channel, string payload)
    {
        if (channel == OutboxWakeupTrigger.Channel) outbox.Notify();
        else if (channel == CampaignChangeTrigger.Channel && int.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var campaignId))
            redirects.Changed(campaignId);
    }

    [LoggerMessage(LogLevel.Warning, "Listening for other instances' changes failed; polling and cache expiry cover meanwhile, listening again in {Seconds} s")]
    private static partial void LogLost(ILogger logger, Exception exception, double seconds);
}
