using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using ReferralBot.Core.Clicks;

namespace ReferralBot.Persistence.Sqlite;

/// <summary>
/// Finds a code's redirect target on connections of its own, each holding the statement prepared. Through EF (a scope,
/// a pooled context, a connection opened and closed, a command built) the same query cost about four redirects' worth
/// of CPU, which a flood of made-up codes paid on every request.
/// </summary>
internal sealed class SqliteRedirectTargets(string connectionString) : IRedirectTargets, IDisposable
{
    private const string Sql = """
        SELECT c."Value", c."MemberId", m."CampaignId", k."Slug", k."LandingUrl", k."LandingPages"
        FROM "Codes" AS c
        JOIN "Members" AS m ON m."Id" = c."MemberId"
        JOIN "Campaigns" AS k ON k."Id" = m."CampaignId"
        WHERE c."Value" = $code
        """;

    private readonly ConcurrentBag<Lookup> idle = [];

    public ValueTask<RedirectTarget?> FindAsync(string normalizedCode, CancellationToken cancellationToken)
    {
        var lookup = idle.TryTake(out var ready) ? ready : new Lookup(connectionString);
        try
        {
            var target = lookup.Find(normalizedCode);
            idle.Add(lookup);
            return ValueTask.FromResult(target);
        }
        catch
        {
            lookup.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        while (idle.TryTake(out var lookup)) lookup.Dispose();
    }

    private sealed class Lookup : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly SqliteCommand command;
        private readonly SqliteParameter code;

        public Lookup(string connectionString)
        {
            connection = new SqliteConnection(connectionString);
            connection.Open();
            command = connection.CreateCommand();
            command.CommandText = Sql;
            code = command.Parameters.Add("$code", SqliteType.Text);
            command.Prepare();
        }

        public RedirectTarget? Find(string value)
        {
            code.Value = value;
            using var row = command.ExecuteReader();
            return row.Read() ? new RedirectTarget(row.GetString(0), row.GetInt32(1), row.GetInt32(2), row.GetString(3), row.GetString(4), row.GetBoolean(5)) : null;
        }

        public void Dispose()
        {
            command.Dispose();
            connection.Dispose();
        }
    }
}
