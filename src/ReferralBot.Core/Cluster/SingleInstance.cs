namespace ReferralBot.Core.Cluster;

/// <summary>A store only one process uses (a SQLite file): every id but this process's is from an earlier run.</summary>
public sealed class SingleInstance(ThisInstance self) : IInstances
{
    public Task JoinAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> GoneAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(ids.Where(id => id != self.Id).ToList());
}
