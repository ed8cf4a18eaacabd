using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ReferralBot.Core.Cluster;

internal static class ClusterSetup
{
    /// <summary>This instance's id; a store shared by several instances replaces <see cref="SingleInstance"/>, <see cref="LocalRoles"/> and <see cref="LocalRowLeases"/>.</summary>
    internal static IServiceCollection AddCluster(this IServiceCollection services)
    {
        services.AddSingleton<ThisInstance>();
        services.TryAddSingleton<IInstances, SingleInstance>();
        services.TryAddSingleton<IExclusiveRoles, LocalRoles>();
        services.TryAddSingleton<IRowLeases, LocalRowLeases>();
        return services;
    }
}
