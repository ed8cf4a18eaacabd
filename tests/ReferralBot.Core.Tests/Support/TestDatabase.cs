using ReferralBot.Testing;

namespace ReferralBot.Core.Tests.Support;

/// <summary>
/// A real SQLite file in a folder of its own, removed afterwards. It starts as a copy of a migrated one
/// (<see cref="MigratedDatabase"/>), or empty, for the tests of migrating itself. Or a PostgreSQL database of its
/// own on the test run's server (<see cref="PostgresServer"/>).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(string? postgres = null)
    {
        Folder = Directory.CreateTempSubdirectory("referralbot-test-").FullName;
        ConnectionString = postgres ?? $"Data Source={File};Pooling=False";
        IsPostgres = postgres is not null;
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    public bool IsPostgres { get; }

    private string File => Path.Combine(Folder, "test.db");

    public static TestDatabase Create(bool empty = false)
    {
        var database = new TestDatabase();
        if (!empty) MigratedDatabase.CopyTo(database.File);
        return database;
    }

    /// <summary>A migrated PostgreSQL database, or an empty one for the tests of migrating itself.</summary>
    public static async Task<TestDatabase> CreatePostgresAsync(bool empty = false) =>
        new(empty ? await PostgresServer.CreateEmptyDatabaseAsync() : await PostgresServer.CreateDatabaseAsync());

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow runner is left to the OS's temp cleanup.
        }
    }
}
