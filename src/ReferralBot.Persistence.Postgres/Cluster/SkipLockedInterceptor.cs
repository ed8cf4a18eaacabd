using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ReferralBot.Persistence.Postgres.Cluster;

/// <summary>Ends a query tagged <see cref="Tag"/> with <c>FOR UPDATE SKIP LOCKED</c> (after its <c>LIMIT</c>, where PostgreSQL wants it).</summary>
internal sealed class SkipLockedInterceptor : DbCommandInterceptor
{
    public const string Tag = "referralbot:skip-locked";
    private const string Comment = "-- " + Tag;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        AddClause(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        AddClause(command);
        return ValueTask.FromResult(result);
    }

    private static void AddClause(DbCommand command)
    {
        if (command.CommandText.StartsWith(Comment, StringComparison.Ordinal)) command.CommandText += "\nFOR UPDATE SKIP LOCKED";
    }
}
