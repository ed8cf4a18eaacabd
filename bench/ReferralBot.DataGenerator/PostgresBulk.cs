using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Storage;

namespace ReferralBot.DataGenerator;

/// <summary>
/// The generator's PostgreSQL-only SQL: clicks by binary <c>COPY</c> (a million rows streamed, rather than sent as
/// EF's batched inserts that each return the new id, which the clicks do not need), fresh planner statistics once the
/// fill is done, and the database's size.
/// </summary>
internal static class PostgresBulk
{
    private const string CopyClicks =
        "COPY \"Clicks\" (\"MemberId\", \"CampaignId\", \"Code\", \"Source\", \"Visitor\", \"OccurredAt\") FROM STDIN (FORMAT BINARY)";

    public static async Task CopyClicksAsync(ReferralBotDbContext db, IReadOnlyList<Click> clicks)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var copy = await connection.BeginBinaryImportAsync(CopyClicks);
            foreach (var click in clicks)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(click.MemberId, NpgsqlDbType.Integer);
                await copy.WriteAsync(click.CampaignId, NpgsqlDbType.Integer);
                await copy.WriteAsync(click.Code, NpgsqlDbType.Varchar);
                await WriteNullableAsync(copy, click.Source);
                await WriteNullableAsync(copy, click.Visitor);
                await copy.WriteAsync(click.OccurredAt, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Autovacuum would gather these within a minute or so of a bulk load; the report is timed right after the fill.
    public static Task AnalyzeAsync(ReferralBotDbContext db) => db.Database.ExecuteSqlRawAsync("ANALYZE");

    public static async Task<long> SizeAsync(ReferralBotDbContext db) =>
        await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) await copy.WriteNullAsync();
        else await copy.WriteAsync(value, NpgsqlDbType.Varchar);
    }
}
