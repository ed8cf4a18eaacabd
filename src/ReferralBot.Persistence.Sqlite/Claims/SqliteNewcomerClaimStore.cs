using ReferralBot.Core.Claims;
using ReferralBot.Core.Storage;
using ReferralBot.Persistence.Relational.Claims;

namespace ReferralBot.Persistence.Sqlite.Claims;

/// <summary>The fresh claim's rows on SQLite, on the group-commit writer's connection (statements prepared once).</summary>
internal sealed class SqliteNewcomerClaimStore(GroupCommitWriter writes) : INewcomerClaimStore
{
    public Task<T> RunAsync<T>(Func<INewcomerClaimRows, ValueTask<T>> claim, CancellationToken cancellationToken) =>
        writes.RunAsync(session => claim(new NewcomerClaimRows(session)), cancellationToken);
}
