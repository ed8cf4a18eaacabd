using Npgsql;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Storage;
using ReferralBot.Persistence.Relational.Claims;

namespace ReferralBot.Persistence.Postgres.Claims;

/// <summary>
/// The fresh claim's rows on PostgreSQL: each claim in a transaction of its own, many at once (PostgreSQL takes many
/// writers, and instances share it). What SQLite gets from one writer, rows get from PostgreSQL's locks: the sign-up
/// count is one row updated in place, and two instances claiming for the same person meet at a unique key, where the
/// loser's claim fails alone and the general path answers it. The count is the claim's last statement, so a burst for
/// one referrer holds their row only from the count to the commit, and the commit's flush is awaited, not blocked on.
/// </summary>
internal sealed class PostgresNewcomerClaimStore(NpgsqlDataSource dataSource) : INewcomerClaimStore
{
    public async Task<T> RunAsync<T>(Func<INewcomerClaimRows, ValueTask<T>> claim, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        NewcomerClaimRows? rows = null;
        try
        {
            return await WriteSession.RunAloneAsync(connection, session => claim(rows = new NewcomerClaimRows(session, countAtCommit: true)));
        }
        finally
        {
            rows?.End();
        }
    }
}
