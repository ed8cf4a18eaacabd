using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Inbound;

internal static class InboundSetup
{
    internal static IServiceCollection AddInbound(this IServiceCollection services)
    {
        services.AddSingleton<InboundPipeline>();
        services.AddSingleton<InboundReceiptPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundReceiptPruner>());
        return services;
    }
}
