using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Secrets;

internal static class SecretsSetup
{
    internal static IServiceCollection AddSecrets(this IServiceCollection services)
    {
        services.AddScoped<StoredSecrets>();
        // One application name, so that every instance (whatever its path) opens what another sealed.
        services.AddDataProtection().SetApplicationName("ReferralBot").PersistKeysToDbContext<ReferralBotDbContext>();
        services.AddSingleton<DataProtectionKeys>();
        return services;
    }
}
