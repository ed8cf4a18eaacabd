using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Sqlite;

/// <summary>
/// SQLite's errors carry its own codes, not SQL states: a failed save that broke a unique index or primary key is
/// marked as the unique violation (SQL state 23505) the core looks for. Once per failed save, not per command.
/// </summary>
internal sealed class SqliteErrorStates : SaveChangesInterceptor
{
    public static readonly SqliteErrorStates Instance = new();
    private const int ConstraintUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int ConstraintPrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Translate(eventData.Exception);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Translate(eventData.Exception);
        return Task.CompletedTask;
    }

    private static void Translate(Exception exception)
    {
        if (exception.InnerException is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey } unique)
            UniqueViolation.Mark(unique);
    }
}
