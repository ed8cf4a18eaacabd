using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Postgres;

/// <summary>PostgreSQL's way of making the tables the model marks <see cref="AppendOnly"/> refuse updates, deletes and truncation.</summary>
internal static class AppendOnlyTriggers
{
    private const string Function = "referralbot_append_only";

    public static void Create(MigrationBuilder migrationBuilder, IModel model)
    {
        migrationBuilder.Sql(
            $"CREATE FUNCTION \"{Function}\"() RETURNS trigger LANGUAGE plpgsql AS $$ " +
            "BEGIN RAISE EXCEPTION '% is append-only: add a reversing entry instead', TG_TABLE_NAME; END $$;");
        foreach (var table in AppendOnly.Tables(model))
        {
            migrationBuilder.Sql(
                $"CREATE TRIGGER \"TR_{table}_NoUpdateOrDelete\" BEFORE UPDATE OR DELETE ON \"{table}\" " +
                $"FOR EACH ROW EXECUTE FUNCTION \"{Function}\"();");
            migrationBuilder.Sql(
                $"CREATE TRIGGER \"TR_{table}_NoTruncate\" BEFORE TRUNCATE ON \"{table}\" " +
                $"FOR EACH STATEMENT EXECUTE FUNCTION \"{Function}\"();");
        }
    }

    /// <summary>Runs <paramref name="sql"/> on <paramref name="table"/> with its append-only trigger off (a migration filling a new column), in the migration's transaction.</summary>
    public static void Rewrite(MigrationBuilder migrationBuilder, string table, string sql)
    {
        migrationBuilder.Sql($"ALTER TABLE \"{table}\" DISABLE TRIGGER \"TR_{table}_NoUpdateOrDelete\";");
        migrationBuilder.Sql(sql);
        migrationBuilder.Sql($"ALTER TABLE \"{table}\" ENABLE TRIGGER \"TR_{table}_NoUpdateOrDelete\";");
    }
}
