using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReferralBot.Channels.BotFramework.Activities;

namespace ReferralBot.Channels.BotFramework.Receiving;

/// <summary>
/// Accepted activities wait here so <c>/api/messages</c> can answer 202 at once; a few are handled at a time, and one
/// that fails is logged without holding up the rest.
/// </summary>
public sealed partial class ActivityInbox(IServiceScopeFactory scopes, ILogger<ActivityInbox> logger) : BackgroundService
{
    private const int Workers = 4;
    private readonly Channel<Activity> activities = Channel.CreateBounded<Activity>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });

    public ValueTask EnqueueAsync(Activity activity, CancellationToken cancellationToken) => activities.Writer.WriteAsync(activity, cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in activities.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ActivityHandler>().HandleAsync(activity, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, ex, activity.Type, activity.ChannelId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(LogLevel.Error, "Handling a {Type} activity from {Channel} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string? type, string? channel);
}
