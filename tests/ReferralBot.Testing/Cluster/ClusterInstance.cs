namespace ReferralBot.Testing.Cluster;

/// <summary>One instance of the service as its own process, on its port, restartable after a kill.</summary>
public sealed class ClusterInstance(string name, IDictionary<string, string> environment) : IAsyncDisposable
{
    private HostProcess? process;

    public string Name => name;

    public string Url { get; } = $"http://127.0.0.1:{HostProcess.FreePort()}";

    public string Output => process?.Output ?? "";

    public async Task StartAsync()
    {
        if (process is not null) await process.DisposeAsync(); // killed before: its output is gone with it
        // Niced: the fake Bot API in the test's process stamps each send as it reads it, and on two busy cores (an
        // instance starting again while the other sends) it read late and stamped a queue of sends at once.
        process = new HostProcess(environment, niceness: 10, "--urls", Url);
        var health = await process.HealthAsync(Url);
        health.EnsureSuccessStatusCode();
        Killed = false;
    }

    /// <summary>True from a kill until it is started again.</summary>
    public bool Killed { get; private set; }

    public async Task KillAsync()
    {
        Killed = true;
        await process!.KillAsync();
    }

    public Task StopAsync() => process!.StopAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        if (process is not null) await process.DisposeAsync();
    }
}
