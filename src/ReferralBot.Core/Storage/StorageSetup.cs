using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Storage;

internal static class StorageSetup
{
    internal static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DatabaseMigrations>();
        return services;
    }
}
