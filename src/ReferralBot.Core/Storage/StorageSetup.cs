using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Storage;

internal static class StorageSetup
{
    internal static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSingleton<GroupCommitWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitWriter>());
        return services;
    }
}
