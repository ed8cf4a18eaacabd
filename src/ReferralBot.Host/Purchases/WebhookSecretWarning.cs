using Microsoft.Extensions.Options;

namespace ReferralBot.Host.Purchases;

/// <summary>
/// Says once, at start, that the purchase webhook is shut: without <c>Webhooks:PurchaseSecret</c> every shop post is
/// refused, which an operator otherwise only learns from the shop's failed deliveries.
/// </summary>
public sealed partial class WebhookSecretWarning(IOptions<WebhookOptions> options, ILogger<WebhookSecretWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.PurchaseSecret)) LogNoSecret(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "Webhooks:PurchaseSecret is not set: /api/purchases and /api/refunds refuse every request until it is")]
    private static partial void LogNoSecret(ILogger logger);
}
