namespace ReferralBot.Core.Tests.Support;

/// <summary>A real SQLite file in a folder of its own, removed afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("referralbot-test-").FullName;
        ConnectionString = $"Data Source={Path.Combine(Folder, "test.db")};Pooling=False";
    }

    public string Folder { get; }

    public string ConnectionString { get; }

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
