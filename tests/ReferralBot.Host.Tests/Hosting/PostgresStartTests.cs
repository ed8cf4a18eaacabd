using System.Net;
using ReferralBot.Testing;

namespace ReferralBot.Host.Tests.Hosting;

/// <summary>
/// On PostgreSQL, as an operator deploys several instances: <c>migrate</c> once, then start them; the provider is told
/// from the connection string. An instance started before the migration refuses to start and says what to run.
/// </summary>
public sealed class PostgresStartTests
{
    [Fact]
    public async Task The_migrate_command_brings_a_new_database_up_to_date_and_then_the_service_starts_on_it_where_ASPNETCORE_URLS_says()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        var environment = new Dictionary<string, string> { ["ConnectionStrings__ReferralBot"] = database };

        int migrated;
        string migrateOutput;
        await using (var migrate = new HostProcess(environment, "migrate"))
        {
            migrated = await migrate.ExitCodeAsync();
            migrateOutput = migrate.Output;
        }

        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var service = new HostProcess(new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = url });
        var health = await service.HealthAsync(url);

        Assert.Equal(0, migrated);
        Assert.Matches(@"The database is up to date \(\d+ migrations? applied\)\.", migrateOutput);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // Started without a purchase secret: said once, as a warning, and the service runs on.
        Assert.Single(service.Output.Split('\n'), line => line.Contains("Webhooks:PurchaseSecret is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_start_before_the_migration_is_refused_with_the_command_to_run()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var service = new HostProcess(new Dictionary<string, string> { ["ConnectionStrings__ReferralBot"] = database, ["Database__Provider"] = "postgres" });

        var exitCode = await service.ExitCodeAsync();

        Assert.Equal(1, exitCode); // refused, with the reason logged; not a crash (134)
        Assert.Contains("dotnet ReferralBot.Host.dll migrate", service.Output, StringComparison.Ordinal);
    }
}
