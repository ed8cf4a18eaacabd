using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Clicks;

/// <summary>
/// Writes a batch of clicks and adds them to <see cref="ClickTally"/>, in the caller's transaction, with plain
/// multi-row SQL (<c>INSERT … VALUES (…),(…)</c>, <c>ON CONFLICT</c>, <c>RETURNING</c>: SQLite and PostgreSQL both
/// speak it). EF's change tracking would cost more CPU per click than the redirect itself. A click is unique when
/// its visitor is new for the referrer and source: the insert into <see cref="ClickVisitor"/> returns a row.
/// </summary>
internal static class ClickTallies
{
    private const int RowsPerStatement = 200;
    private static readonly string[] ClickColumns = ["@m", "@c", "@code", "@s", "@v", "@at"];

    public static async Task WriteAsync(ReferralBotDbContext db, IReadOnlyList<Click> clicks, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // One prepared single-row insert, re-bound per click: the cheapest way to write many rows into SQLite.
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO \"Clicks\" (\"MemberId\", \"CampaignId\", \"Code\", \"Source\", \"Visitor\", \"OccurredAt\") VALUES (@m, @c, @code, @s, @v, @at)";
            var parameters = ClickColumns.Select(name =>
            {
                var p = insert.CreateParameter();
                p.ParameterName = name;
                insert.Parameters.Add(p);
                return p;
            }).ToArray();
            await insert.PrepareAsync(cancellationToken);
            foreach (var click in clicks)
            {
                (parameters[0].Value, parameters[1].Value, parameters[2].Value) = (click.MemberId, click.CampaignId, click.Code);
                (parameters[3].Value, parameters[4].Value, parameters[5].Value) = ((object?)click.Source ?? DBNull.Value, (object?)click.Visitor ?? DBNull.Value, click.OccurredAt);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var tallies = clicks.GroupBy(c => (c.MemberId, Source: c.Source ?? ""))
            .ToDictionary(g => g.Key, g => (g.First().CampaignId, Clicks: g.Count(), Unique: 0));
        var visitors = clicks.Where(c => c.Visitor is not null).Select(c => (c.MemberId, Source: c.Source ?? "", Visitor: c.Visitor!)).Distinct().ToList();
        foreach (var chunk in visitors.Chunk(RowsPerStatement))
        {
            await using var insert = Command(connection, transaction,
                "INSERT INTO \"ClickVisitors\" (\"MemberId\", \"Source\", \"Visitor\") VALUES ",
                chunk, v => [v.MemberId, v.Source, v.Visitor], " ON CONFLICT DO NOTHING RETURNING \"MemberId\", \"Source\"");
            await using var added = await insert.ExecuteReaderAsync(cancellationToken);
            while (await added.ReadAsync(cancellationToken))
            {
                var key = (added.GetInt32(0), added.GetString(1));
                tallies[key] = tallies[key] with { Unique = tallies[key].Unique + 1 };
            }
        }

        foreach (var ((memberId, source), (campaignId, count, unique)) in tallies)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "ClickTallies" ("MemberId", "Source", "CampaignId", "Clicks", "UniqueClicks") VALUES ({memberId}, {source}, {campaignId}, {count}, {unique})
                ON CONFLICT ("MemberId", "Source") DO UPDATE SET "Clicks" = "ClickTallies"."Clicks" + excluded."Clicks", "UniqueClicks" = "ClickTallies"."UniqueClicks" + excluded."UniqueClicks"
                """,
                cancellationToken);
        }
    }

    private static DbCommand Command<T>(DbConnection connection, DbTransaction? transaction, string head, T[] rows, Func<T, object?[]> values, string tail)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new System.Text.StringBuilder(head);
        var n = 0;
        for (var r = 0; r < rows.Length; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            var row = values(rows[r]);
            for (var c = 0; c < row.Length; c++)
            {
                var name = $"@p{n++}";
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = row[c] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(tail).ToString();
        return command;
    }
}
