using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Postgres.Clicks;

/// <summary>
/// Writes a batch of clicks and adds them to <see cref="ClickTally"/>, in the caller's transaction, with PostgreSQL's
/// bulk SQL: each column goes in as one array and <c>unnest</c> makes rows of them. A click is unique when its visitor
/// is new for the referrer, kind and source (the insert into <see cref="ClickVisitor"/> returns a row). Tallies are upserted
/// in key order, so two instances flushing at once lock the same rows in the same order and never deadlock.
/// </summary>
internal sealed class PostgresClickStore : IClickStore
{
    private const string InsertClicks = """
        INSERT INTO "Clicks" ("MemberId", "CampaignId", "Code", "Kind", "Source", "Visitor", "OccurredAt")
        SELECT * FROM unnest(@members, @campaigns, @codes, @kinds, @sources, @visitors, @times)
        """;

    private const string InsertVisitors = """
        INSERT INTO "ClickVisitors" ("MemberId", "Kind", "Source", "Visitor")
        SELECT * FROM unnest(@members, @kinds, @sources, @visitors)
        ON CONFLICT DO NOTHING
        RETURNING "MemberId", "Kind", "Source"
        """;

    private const string UpsertTallies = """
        INSERT INTO "ClickTallies" ("MemberId", "Kind", "Source", "CampaignId", "Clicks", "UniqueClicks")
        SELECT * FROM unnest(@members, @kinds, @sources, @campaigns, @clicks, @unique) AS t(m, k, s, c, n, u) ORDER BY m, k, s
        ON CONFLICT ("MemberId", "Kind", "Source") DO UPDATE
        SET "Clicks" = "ClickTallies"."Clicks" + excluded."Clicks", "UniqueClicks" = "ClickTallies"."UniqueClicks" + excluded."UniqueClicks"
        """;

    public async Task WriteAsync(ReferralBotDbContext db, IReadOnlyList<Click> clicks, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();

        await using (var insert = new NpgsqlCommand(InsertClicks, connection, transaction))
        {
            insert.Parameters.AddWithValue("members", clicks.Select(c => c.MemberId).ToArray());
            insert.Parameters.AddWithValue("campaigns", clicks.Select(c => c.CampaignId).ToArray());
            insert.Parameters.AddWithValue("codes", clicks.Select(c => c.Code).ToArray());
            insert.Parameters.AddWithValue("kinds", clicks.Select(c => (int)c.Kind).ToArray());
            insert.Parameters.AddWithValue("sources", clicks.Select(c => c.Source).ToArray());
            insert.Parameters.AddWithValue("visitors", clicks.Select(c => c.Visitor).ToArray());
            insert.Parameters.AddWithValue("times", clicks.Select(c => c.OccurredAt).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var tallies = clicks.GroupBy(c => (c.MemberId, c.Kind, Source: c.Source ?? ""))
            .ToDictionary(g => g.Key, g => (g.First().CampaignId, Clicks: g.Count(), Unique: 0));
        var visitors = clicks.Where(c => c.Visitor is not null).Select(c => (c.MemberId, c.Kind, Source: c.Source ?? "", Visitor: c.Visitor!)).Distinct().ToList();
        if (visitors.Count > 0)
        {
            await using var insert = new NpgsqlCommand(InsertVisitors, connection, transaction);
            insert.Parameters.AddWithValue("members", visitors.Select(v => v.MemberId).ToArray());
            insert.Parameters.AddWithValue("kinds", visitors.Select(v => (int)v.Kind).ToArray());
            insert.Parameters.AddWithValue("sources", visitors.Select(v => v.Source).ToArray());
            insert.Parameters.AddWithValue("visitors", visitors.Select(v => v.Visitor).ToArray());
            await using var added = await insert.ExecuteReaderAsync(cancellationToken);
            while (await added.ReadAsync(cancellationToken))
            {
                var key = (added.GetInt32(0), (VisitKind)added.GetInt32(1), added.GetString(2));
                tallies[key] = tallies[key] with { Unique = tallies[key].Unique + 1 };
            }
        }

        var ordered = tallies.ToList();
        await using var upsert = new NpgsqlCommand(UpsertTallies, connection, transaction);
        upsert.Parameters.AddWithValue("members", ordered.Select(t => t.Key.MemberId).ToArray());
        upsert.Parameters.AddWithValue("kinds", ordered.Select(t => (int)t.Key.Kind).ToArray());
        upsert.Parameters.AddWithValue("sources", ordered.Select(t => t.Key.Source).ToArray());
        upsert.Parameters.AddWithValue("campaigns", ordered.Select(t => t.Value.CampaignId).ToArray());
        upsert.Parameters.AddWithValue("clicks", ordered.Select(t => t.Value.Clicks).ToArray());
        upsert.Parameters.AddWithValue("unique", ordered.Select(t => t.Value.Unique).ToArray());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
