using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Secrets;

internal static class SecretsSetup
{
    internal static IServiceCollection AddSecrets(this IServiceCollection services)
    {
        services.AddScoped<StoredSecrets>();
        return services;
    }
}
