using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Prompts;

internal static class PromptsSetup
{
    internal static IServiceCollection AddPrompts(this IServiceCollection services)
    {
        services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PromptCatalog>();
        services.AddSingleton<LanguageSet>();
        services.AddSingleton<PromptRenderer>();
        return services;
    }
}
