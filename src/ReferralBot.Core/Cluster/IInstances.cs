namespace ReferralBot.Core.Cluster;

/// <summary>
/// Which instances sharing the store are still running, as the store can tell: work marked with an instance's id (a
/// message being sent) is taken over only once that instance is gone, never because another one restarted.
/// </summary>
public interface IInstances
{
    /// <summary>Makes this instance known as running until the process ends; before it marks any work as its own.</summary>
    Task JoinAsync(CancellationToken cancellationToken);

    /// <summary>Of <paramref name="ids"/>, those whose process has ended.</summary>
    Task<IReadOnlyList<string>> GoneAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}
