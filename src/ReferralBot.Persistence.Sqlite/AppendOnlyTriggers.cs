using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Sqlite;

/// <summary>SQLite's way of making the tables the model marks <see cref="AppendOnly"/> refuse updates and deletes.</summary>
internal static class AppendOnlyTriggers
{
    public static void Create(MigrationBuilder migrationBuilder, IModel model)
    {
        foreach (var table in AppendOnly.Tables(model))
        {
            foreach (var operation in new[] { "UPDATE", "DELETE" })
            {
                migrationBuilder.Sql(
                    $"CREATE TRIGGER \"TR_{table}_No{operation}\" BEFORE {operation} ON \"{table}\" " +
                    $"BEGIN SELECT RAISE(ABORT, '{table} is append-only: add a reversing entry instead'); END;");
            }
        }
    }
}
