using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Storage;
using ReferralBot.Persistence.Sqlite;

namespace ReferralBot.Testing;

/// <summary>
/// One SQLite database migrated with the service's migrations, once per test run, for tests to start from a copy of:
/// every test migrating its own file was most of a short test's time. Copies start with no campaign or secret, as a
/// new database does; the service switches each back to WAL when it starts.
/// </summary>
public static class MigratedDatabase
{
    private static readonly Lazy<string> Template = new(Create);

    /// <summary>Copies the migrated database to <paramref name="file"/>, unless a database is there already.</summary>
    public static void CopyTo(string file)
    {
        if (!File.Exists(file)) File.Copy(Template.Value, file);
    }

    private static string Create()
    {
        var folder = Directory.CreateTempSubdirectory("referralbot-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var file = Path.Combine(folder, "template.db");
        var connectionString = $"Data Source={file};Pooling=False";
        using (var services = new ServiceCollection().AddLogging().AddSqliteStore(connectionString).BuildServiceProvider())
        using (var scope = services.CreateScope())
            scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>().Database.Migrate();

        // One file to copy, with no WAL beside it.
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE;";
        command.ExecuteNonQuery();
        return file;
    }
}
