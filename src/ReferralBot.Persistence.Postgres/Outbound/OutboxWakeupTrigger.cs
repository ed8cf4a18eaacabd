using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralBot.Persistence.Postgres.Outbound;

/// <summary>
/// Every statement that adds outbox rows, whoever runs it, notifies the <see cref="Channel"/> channel as its transaction
/// commits (PostgreSQL sends one notification per transaction however many rows or statements): each instance's
/// dispatcher wakes at once instead of at its next poll.
/// </summary>
internal static class OutboxWakeupTrigger
{
    public const string Channel = "referralbot_outbox";
    private const string Function = "referralbot_outbox_notify";

    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            $"CREATE FUNCTION \"{Function}\"() RETURNS trigger LANGUAGE plpgsql AS $$ " +
            $"BEGIN PERFORM pg_notify('{Channel}', ''); RETURN NULL; END $$;");
        migrationBuilder.Sql($"CREATE TRIGGER \"TR_Outbox_Notify\" AFTER INSERT ON \"Outbox\" FOR EACH STATEMENT EXECUTE FUNCTION \"{Function}\"();");
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER \"TR_Outbox_Notify\" ON \"Outbox\";");
        migrationBuilder.Sql($"DROP FUNCTION \"{Function}\"();");
    }
}
