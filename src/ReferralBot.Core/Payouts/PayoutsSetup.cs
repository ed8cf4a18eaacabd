using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Payouts;

internal static class PayoutsSetup
{
    internal static IServiceCollection AddPayouts(this IServiceCollection services)
    {
        services.AddOptions<PayoutOptions>().BindConfiguration(PayoutOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PayoutDetailsVault>();
        services.AddSingleton<PayoutWebhookSignal>();
        services.AddScoped<PayoutAccounts>();
        services.AddScoped<PayoutCandidates>();
        services.AddScoped<PayoutFile>();
        services.AddScoped<PayoutEvents>();
        services.AddScoped<PayoutRun>();
        services.AddScoped<PayoutSettlement>();
        services.AddScoped<PayToReminders>();
        services.AddScoped<IChatCommand, PayToCommand>();
        services.AddScoped<IChatCommand, PayoutsCommand>();
        return services;
    }
}
