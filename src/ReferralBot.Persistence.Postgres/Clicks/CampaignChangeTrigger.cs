using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralBot.Persistence.Postgres.Clicks;

/// <summary>
/// A campaign changed or removed, by whatever statement, notifies the <see cref="Channel"/> channel with the campaign's
/// id as its transaction commits: every instance drops the redirect targets it cached for that campaign (its landing
/// URL, say) at once, not when they expire.
/// </summary>
internal static class CampaignChangeTrigger
{
    public const string Channel = "referralbot_campaign";
    private const string Function = "referralbot_campaign_notify";

    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            $"CREATE FUNCTION \"{Function}\"() RETURNS trigger LANGUAGE plpgsql AS $$ " +
            $"BEGIN PERFORM pg_notify('{Channel}', OLD.\"Id\"::text); RETURN NULL; END $$;");
        migrationBuilder.Sql($"CREATE TRIGGER \"TR_Campaigns_Notify\" AFTER UPDATE OR DELETE ON \"Campaigns\" FOR EACH ROW EXECUTE FUNCTION \"{Function}\"();");
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER \"TR_Campaigns_Notify\" ON \"Campaigns\";");
        migrationBuilder.Sql($"DROP FUNCTION \"{Function}\"();");
    }
}
