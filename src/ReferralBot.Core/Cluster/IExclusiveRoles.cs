namespace ReferralBot.Core.Cluster;

/// <summary>
/// Work only one instance at a time may do (sending for a bot token, within its rate limits): a role is held by the
/// instance that took it until it lets go or its process ends. <see cref="SharedByInstances"/> says whether other instances
/// exist at all: a new holder of a shared role waits out what its predecessor may still have sent.
/// </summary>
public interface IExclusiveRoles
{
    /// <summary>True when several instances may share the store.</summary>
    bool SharedByInstances { get; }

    /// <summary>Takes <paramref name="role"/> if no instance holds it; null if one does.</summary>
    Task<IRoleLease?> TryTakeAsync(string role, CancellationToken cancellationToken);
}

/// <summary>A role held; disposing it lets go. <see cref="Lost"/> is cancelled if the store can no longer vouch for it.</summary>
public interface IRoleLease : IAsyncDisposable
{
    CancellationToken Lost { get; }
}
