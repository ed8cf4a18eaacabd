using Quartz;
using ReferralBot.Core.Review;

namespace ReferralBot.Host.Review;

/// <summary>
/// The Quartz job that runs the fraud rules every <c>Fraud:ScanInterval</c>. Cases are rows with unique keys, so a
/// restart, a second instance or a run that overlaps another opens nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class FraudScanJob(IServiceScopeFactory scopes, ILogger<FraudScanJob> logger) : IJob
{
    public static readonly JobKey Key = new("fraud-scan", "referralbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FraudScan>().ScanAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the next start scans the same look-back again.
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(LogLevel.Error, "The fraud scan failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
