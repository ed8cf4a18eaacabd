using System.Collections.Concurrent;

namespace ReferralBot.Core.Cluster;

/// <summary>Roles in a store only one process uses (a SQLite file): held within this process, never lost.</summary>
public sealed class LocalRoles : IExclusiveRoles
{
    private readonly ConcurrentDictionary<string, byte> held = new(StringComparer.Ordinal);

    public bool SharedByInstances => false;

    public Task<IRoleLease?> TryTakeAsync(string role, CancellationToken cancellationToken) =>
        Task.FromResult<IRoleLease?>(held.TryAdd(role, 0) ? new Lease(this, role) : null);

    private sealed class Lease(LocalRoles roles, string role) : IRoleLease
    {
        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync()
        {
            roles.held.TryRemove(role, out _);
            return ValueTask.CompletedTask;
        }
    }
}
