using ReferralBot.Core.Claims;
using ReferralBot.Core.Storage;
using ReferralBot.Persistence.Relational.Claims;

namespace ReferralBot.Persistence.Postgres.Claims;

/// <summary>
/// The fresh claim's rows on PostgreSQL, on this instance's group-commit writer as on SQLite: one transaction and one
/// commit for the claims waiting at once, so a burst for one referrer takes their row's lock once a batch rather than
/// once a claim. Instances side by side meet at the same unique keys (a loser's batch is rolled back and each of its
/// claims run again alone, where the loser fails alone and the general path answers it) and at the referrer's row,
/// counted just before the commit.
/// </summary>
internal sealed class PostgresNewcomerClaimStore(GroupCommitWriter writes) : INewcomerClaimStore
{
    public async Task<T> RunAsync<T>(Func<INewcomerClaimRows, ValueTask<T>> claim, CancellationToken cancellationToken)
    {
        // A claim whose batch failed runs again alone: each run has its rows, and a count that never ran is cancelled.
        var runs = new List<NewcomerClaimRows>();
        try
        {
            return await writes.RunAsync(session =>
            {
                var rows = new NewcomerClaimRows(session, countAtCommit: true);
                lock (runs) runs.Add(rows);
                return claim(rows);
            }, cancellationToken);
        }
        finally
        {
            lock (runs) runs.ForEach(r => r.End());
        }
    }
}
