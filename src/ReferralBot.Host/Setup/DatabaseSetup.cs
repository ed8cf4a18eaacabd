using System.Data.Common;
using ReferralBot.Persistence.Postgres;
using ReferralBot.Persistence.Sqlite;

namespace ReferralBot.Host.Setup;

/// <summary>
/// The store named by <c>Database:Provider</c>, or, when that is empty, the one <c>ConnectionStrings:ReferralBot</c>
/// is written for: <c>Host=…</c> is PostgreSQL, <c>Data Source=…</c> (or nothing: <c>referralbot.db</c>) is SQLite.
/// </summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddReferralBotStore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("ReferralBot");
        return ProviderOf(configuration["Database:Provider"], connectionString) switch
        {
            "postgres" => services.AddPostgresStore(connectionString
                ?? throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:ReferralBot is empty: give it as Host=…;Database=…;Username=…;Password=….")),
            _ => services.AddSqliteStore(connectionString),
        };
    }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public static string ProviderOf(string? provider, string? connectionString)
    {
        switch (provider?.Trim().ToLowerInvariant())
        {
            case "sqlite":
                return "sqlite";
            case "postgres" or "postgresql":
                return "postgres";
            case null or "":
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not one of sqlite, postgres.");
        }

        if (string.IsNullOrWhiteSpace(connectionString)) return "sqlite";
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.ContainsKey("Host") || keys.ContainsKey("Server") ? "postgres" : "sqlite";
    }
}
