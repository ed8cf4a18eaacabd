using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Outbound;

internal static class OutboundSetup
{
    internal static IServiceCollection AddOutbound(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChannelAddresses>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
