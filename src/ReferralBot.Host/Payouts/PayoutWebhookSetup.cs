using ReferralBot.Core.Payouts;
using ReferralBot.Host.Purchases;

namespace ReferralBot.Host.Payouts;

internal static class PayoutWebhookSetup
{
    /// <summary>The sender of payout events (idle unless <c>Payouts:WebhookUrl</c> is set); it signs with the purchase webhook's secret.</summary>
    public static IServiceCollection AddPayoutWebhook(this IServiceCollection services)
    {
        services.AddOptions<PayoutOptions>()
            .Validate<Microsoft.Extensions.Options.IOptions<WebhookOptions>>(
                (payouts, webhooks) => string.IsNullOrEmpty(payouts.WebhookUrl) || !string.IsNullOrEmpty(webhooks.Value.PurchaseSecret),
                "Payouts:WebhookUrl is set but Webhooks:PurchaseSecret is not: payout events are signed with it.");
        services.AddHttpClient(PayoutWebhookSender.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<PayoutWebhookSender>();
        return services;
    }
}
