using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Inbound;

/// <summary>
/// Receipts only need to outlive redeliveries (Telegram keeps an update for at most 24 hours); older ones are
/// deleted every hour so the table stays small.
/// </summary>
public sealed partial class InboundReceiptPruner(IServiceScopeFactory scopes, TimeProvider time, ILogger<InboundReceiptPruner> logger)
    : BackgroundService
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromHours(1), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                await Task.Delay(TimeSpan.FromMinutes(5), time, stoppingToken);
            }
        }
    }

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var before = time.GetUtcNow().UtcDateTime - KeepFor;
        return await db.Set<InboundReceipt>().Where(r => r.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Pruning old update receipts failed; trying again later")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
