using Npgsql;
using ReferralBot.Core.Clicks;

namespace ReferralBot.Persistence.Postgres;

/// <summary>Finds a code's redirect target with one statement, kept prepared on each pooled connection by Npgsql.</summary>
internal sealed class PostgresRedirectTargets(NpgsqlDataSource dataSource) : IRedirectTargets
{
    private const string Sql = """
        SELECT c."Value", c."MemberId", m."CampaignId", k."Slug", k."LandingUrl", k."LandingPages"
        FROM "Codes" AS c
        JOIN "Members" AS m ON m."Id" = c."MemberId"
        JOIN "Campaigns" AS k ON k."Id" = m."CampaignId"
        WHERE c."Value" = $1
        """;

    public async ValueTask<RedirectTarget?> FindAsync(string normalizedCode, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = normalizedCode });
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        return await row.ReadAsync(cancellationToken)
            ? new RedirectTarget(row.GetString(0), row.GetInt32(1), row.GetInt32(2), row.GetString(3), row.GetString(4), row.GetBoolean(5))
            : null;
    }
}
