using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReferralBot.Channels.Telegram.Setup;

/// <summary>
/// Degraded, not unhealthy, until the bot is connected: the webhook already takes updates and the rest of the
/// service works, so an orchestrator should not restart it for a Bot API outage.
/// </summary>
internal sealed class TelegramHealthCheck(TelegramBotState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsReady
            ? HealthCheckResult.Healthy($"Telegram bot @{state.Username} connected.")
            : HealthCheckResult.Degraded(state.Problem));
}
