using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Experiments;

internal static class ExperimentsSetup
{
    internal static IServiceCollection AddExperiments(this IServiceCollection services)
    {
        services.AddScoped<IChatCommand, ExperimentCommand>();
        services.AddScoped<ExperimentTerms>();
        services.AddScoped<ExperimentResultsQuery>();
        services.AddScoped<ExperimentReadout>();
        return services;
    }
}
