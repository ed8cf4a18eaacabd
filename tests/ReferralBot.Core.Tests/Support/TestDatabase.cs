using ReferralBot.Testing;

namespace ReferralBot.Core.Tests.Support;

/// <summary>
/// A real SQLite file in a folder of its own, removed afterwards. It starts as a copy of a migrated one
/// (<see cref="MigratedDatabase"/>), or empty, for the tests of migrating itself.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("referralbot-test-").FullName;
        ConnectionString = $"Data Source={File};Pooling=False";
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    private string File => Path.Combine(Folder, "test.db");

    public static TestDatabase Create(bool empty = false)
    {
        var database = new TestDatabase();
        if (!empty) MigratedDatabase.CopyTo(database.File);
        return database;
    }

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
