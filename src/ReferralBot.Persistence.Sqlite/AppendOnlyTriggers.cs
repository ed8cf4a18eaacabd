using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Sqlite;

/// <summary>SQLite's way of making the tables the model marks <see cref="AppendOnly"/> refuse updates and deletes.</summary>
internal static class AppendOnlyTriggers
{
    private static readonly string[] Operations = ["UPDATE", "DELETE"];

    public static void Create(MigrationBuilder migrationBuilder, IModel model)
    {
        foreach (var table in AppendOnly.Tables(model)) Create(migrationBuilder, table);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> on <paramref name="table"/> with its triggers off, and puts them back. A migration
    /// that rebuilds the table (SQLite alters most columns by copying the table) loses them: they are made again either way.
    /// </summary>
    public static void Rewrite(MigrationBuilder migrationBuilder, string table, string sql)
    {
        foreach (var operation in Operations) migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"TR_{table}_No{operation}\";");
        migrationBuilder.Sql(sql);
        Create(migrationBuilder, table);
    }

    private static void Create(MigrationBuilder migrationBuilder, string table)
    {
        foreach (var operation in Operations)
        {
            migrationBuilder.Sql(
                $"CREATE TRIGGER \"TR_{table}_No{operation}\" BEFORE {operation} ON \"{table}\" " +
                $"BEGIN SELECT RAISE(ABORT, '{table} is append-only: add a reversing entry instead'); END;");
        }
    }
}
