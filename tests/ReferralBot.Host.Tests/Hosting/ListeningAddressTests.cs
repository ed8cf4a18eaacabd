using System.Net;
using ReferralBot.Testing;

namespace ReferralBot.Host.Tests.Hosting;

/// <summary>Where the service listens comes from the platform's own settings, as in any ASP.NET Core app.</summary>
public sealed class ListeningAddressTests
{
    [Fact]
    public async Task ASPNETCORE_URLS_sets_the_listening_address_and_a_missing_webhook_secret_is_one_warning()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var host = new HostProcess(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url });

        var health = await host.HealthAsync(url);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Single(host.Output.Split('\n'), line => line.Contains("Webhooks:PurchaseSecret is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASPNETCORE_HTTP_PORTS_sets_the_listening_port_as_container_images_do()
    {
        var port = HostProcess.FreePort();
        await using var host = new HostProcess(new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = $"{port}" });

        var health = await host.HealthAsync($"http://127.0.0.1:{port}");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
