using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Bot;

internal static class BotSetup
{
    internal static IServiceCollection AddBot(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).PostConfigure(o => o.Normalize()).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AdminPolicy>();
        return services;
    }
}
