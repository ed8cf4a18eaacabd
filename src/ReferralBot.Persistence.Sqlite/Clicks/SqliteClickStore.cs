using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ReferralBot.Core.Storage;

using ReferralBot.Core.Clicks;

namespace ReferralBot.Persistence.Sqlite.Clicks;

/// <summary>
/// Writes a batch of clicks and adds them to <see cref="ClickTally"/>, in the caller's transaction, with plain SQL.
/// EF's change tracking would cost more CPU per click than the redirect itself. The clicks go in as one JSON
/// parameter that SQLite unpacks itself (<c>json_each</c>): binding six parameters per click cost more than the
/// insert (Microsoft.Data.Sqlite looks each one up by name and converts it on every execution). A click is unique
/// when its visitor is new for the referrer, kind and source: the multi-row insert into <see cref="ClickVisitor"/>
/// (<c>ON CONFLICT DO NOTHING RETURNING</c>) returns a row.
/// </summary>
internal sealed class SqliteClickStore : IClickStore
{
    private const int RowsPerStatement = 200;
    // Small enough that the JSON text stays off the large object heap (85 KB), whose collections are the costly ones.
    private const int ClicksPerStatement = 250;
    private const string TimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF"; // as EF and Microsoft.Data.Sqlite store a DateTime
    private const string InsertClicks = """
        INSERT INTO "Clicks" ("MemberId", "CampaignId", "Code", "Kind", "Source", "Visitor", "OccurredAt")
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(@clicks)
        """;

    public async Task WriteAsync(ReferralBotDbContext db, IReadOnlyList<Click> clicks, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var buffer = new ArrayBufferWriter<byte>(ClicksPerStatement * 128);
        foreach (var chunk in clicks.Chunk(ClicksPerStatement))
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = InsertClicks;
            var rows = insert.CreateParameter();
            rows.ParameterName = "@clicks";
            rows.Value = Json(chunk, buffer);
            insert.Parameters.Add(rows);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var tallies = clicks.GroupBy(c => (c.MemberId, c.Kind, Source: c.Source ?? ""))
            .ToDictionary(g => g.Key, g => (g.First().CampaignId, Clicks: g.Count(), Unique: 0));
        var visitors = clicks.Where(c => c.Visitor is not null).Select(c => (c.MemberId, c.Kind, Source: c.Source ?? "", Visitor: c.Visitor!)).Distinct().ToList();
        foreach (var chunk in visitors.Chunk(RowsPerStatement))
        {
            await using var insert = Command(connection, transaction,
                "INSERT INTO \"ClickVisitors\" (\"MemberId\", \"Kind\", \"Source\", \"Visitor\") VALUES ",
                chunk, v => [v.MemberId, (int)v.Kind, v.Source, v.Visitor], " ON CONFLICT DO NOTHING RETURNING \"MemberId\", \"Kind\", \"Source\"");
            await using var added = await insert.ExecuteReaderAsync(cancellationToken);
            while (await added.ReadAsync(cancellationToken))
            {
                var key = (added.GetInt32(0), (VisitKind)added.GetInt32(1), added.GetString(2));
                tallies[key] = tallies[key] with { Unique = tallies[key].Unique + 1 };
            }
        }

        foreach (var ((memberId, kind, source), (campaignId, count, unique)) in tallies)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "ClickTallies" ("MemberId", "Kind", "Source", "CampaignId", "Clicks", "UniqueClicks") VALUES ({memberId}, {(int)kind}, {source}, {campaignId}, {count}, {unique})
                ON CONFLICT ("MemberId", "Kind", "Source") DO UPDATE SET "Clicks" = "ClickTallies"."Clicks" + excluded."Clicks", "UniqueClicks" = "ClickTallies"."UniqueClicks" + excluded."UniqueClicks"
                """,
                cancellationToken);
        }
    }

    // [[memberId, campaignId, "code", kind, "source" or null, "visitor" or null, "occurredAt"], …], the time as EF stores it.
    private static string Json(Click[] clicks, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        Span<byte> time = stackalloc byte[32];
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var click in clicks)
            {
                json.WriteStartArray();
                json.WriteNumberValue(click.MemberId);
                json.WriteNumberValue(click.CampaignId);
                json.WriteStringValue(click.Code);
                json.WriteNumberValue((int)click.Kind);
                WriteNullable(json, click.Source);
                WriteNullable(json, click.Visitor);
                click.OccurredAt.TryFormat(time, out var written, TimeFormat, CultureInfo.InvariantCulture);
                json.WriteStringValue(time[..written]);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null) json.WriteNullValue();
        else json.WriteStringValue(value);
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
