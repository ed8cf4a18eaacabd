using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Prompts;

internal static class PromptsSetup
{
    internal static IServiceCollection AddPrompts(this IServiceCollection services)
    {
        services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.Section);
        services.AddSingleton<PromptCatalog>();
        services.AddSingleton<PromptRenderer>();
        return services;
    }
}
