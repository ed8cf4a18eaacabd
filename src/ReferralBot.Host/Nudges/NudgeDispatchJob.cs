using Quartz;
using ReferralBot.Core.Nudges;

namespace ReferralBot.Host.Nudges;

/// <summary>
/// The Quartz job that hands due nudges on, every <c>Nudges:DispatchInterval</c>. It holds no schedule of its own:
/// the nudges are rows in our database, so a restart loses none and Quartz needs no persistent store.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class NudgeDispatchJob(IServiceScopeFactory scopes, ILogger<NudgeDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("nudge-dispatch", "referralbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<NudgeDispatcher>().DispatchDueAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: whatever was not settled is still pending and goes out after the restart.
        }
        catch (Exception ex)
        {
            // The next run tries again; nothing was half-settled (each batch is one transaction).
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(LogLevel.Error, "Dispatching due nudges failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
