using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ReferralBot.Core.Storage;

/// <summary>
/// Races are settled by unique constraints: the loser's insert fails and it re-reads. The loser is told apart by the
/// standard SQL state of a unique violation, 23505: PostgreSQL gives it itself; a provider whose errors carry no SQL
/// state (SQLite has its own codes) translates its code into one with <see cref="Mark"/> as the failure surfaces.
/// </summary>
public static class UniqueViolation
{
    public const string SqlState = "23505";
    private const string StateKey = "ReferralBot:SqlState";

    public static bool Is(DbUpdateException exception) => exception.InnerException is DbException inner && Is(inner);

    public static bool Is(DbException exception) => (exception.SqlState ?? exception.Data[StateKey] as string) == SqlState;

    /// <summary>Records that <paramref name="exception"/>, from a provider without SQL states, is a unique violation.</summary>
    public static void Mark(DbException exception) => exception.Data[StateKey] = SqlState;
}
