using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Persistence.Postgres.Outbound;

/// <summary>
/// Listens on its own connection for the notifications new outbox rows raise (<see cref="OutboxWakeupTrigger"/>), from
/// this instance or any other, and wakes the dispatcher. A lost connection is opened again; meanwhile the dispatcher's
/// poll (<c>Outbox:PollInterval</c>) still finds everything, only later.
/// </summary>
internal sealed partial class PostgresOutboxWakeups(NpgsqlDataSource dataSource, OutboxSignal signal, ILogger<PostgresOutboxWakeups> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Notify();
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxWakeupTrigger.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                attempt = 0;
                // Anything added while not listening is found now, not at the next poll.
                signal.Notify();
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

    [LoggerMessage(LogLevel.Warning, "Listening for new outbox messages failed; the outbox polls meanwhile, listening again in {Seconds} s")]
    private static partial void LogLost(ILogger logger, Exception exception, double seconds);
}
