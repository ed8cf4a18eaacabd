using ReferralBot.Host.Setup;

namespace ReferralBot.Host.Tests.Hosting;

/// <summary>Which store a configuration means: the one it names, else the one its connection string is written for.</summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(null, null, "sqlite")]
    [InlineData(null, "Data Source=referralbot.db", "sqlite")]
    [InlineData("", "Data Source=/var/lib/referralbot/shop.db;Cache=Shared", "sqlite")]
    [InlineData(null, "Host=db.internal;Database=referralbot;Username=bot;Password=secret", "postgres")]
    [InlineData(null, "Server=10.0.0.5;Port=5432;Database=referralbot", "postgres")]
    [InlineData("postgres", "Host=db", "postgres")]
    [InlineData("PostgreSQL", "Host=db", "postgres")]
    [InlineData("SQLite", null, "sqlite")]
    public void The_provider_is_the_one_named_or_the_one_the_connection_string_is_written_for(string? provider, string? connectionString, string expected) =>
        Assert.Equal(expected, DatabaseSetup.ProviderOf(provider, connectionString));

    [Fact]
    public void An_unknown_provider_stops_the_start_naming_the_key_and_the_choices()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.ProviderOf("mysql", "Server=db"));

        Assert.Equal("Database:Provider 'mysql' is not one of sqlite, postgres.", refused.Message);
    }
}
