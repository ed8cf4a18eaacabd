using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Purchases;

internal static class PurchasesSetup
{
    internal static IServiceCollection AddPurchases(this IServiceCollection services)
    {
        services.AddScoped<PurchaseAttribution>();
        services.AddScoped<PurchaseLookup>();
        services.AddScoped<PurchaseIntake>();
        services.AddScoped<RefundIntake>();
        services.AddScoped<IChatCommand, ConfirmCommand>();
        services.AddScoped<IChatCommand, RefundCommand>();
        return services;
    }
}
