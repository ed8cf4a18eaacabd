namespace ReferralBot.Testing;

/// <summary>The stores a test can run the service on.</summary>
public static class Stores
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>REFERRALBOT_TEST_STORE</c> (<c>postgres</c> runs every test that names no store on PostgreSQL), else SQLite.</summary>
    public static string Default => Environment.GetEnvironmentVariable("REFERRALBOT_TEST_STORE") == Postgres ? Postgres : Sqlite;
}
