namespace ReferralBot.Testing.Cluster;

/// <summary>One instance of the service as its own process, on its port, restartable after a kill.</summary>
public sealed class ClusterInstance(string name, IDictionary<string, string> environment) : IAsyncDisposable
{
    private HostProcess? process;

    public string Name => name;

    public string Url { get; } = $"http://127.0.0.1:{HostProcess.FreePort()}";

    public string Output => process?.Output ?? "";

    private const int Niceness = 10;

    /// <param name="nicedFromTheStart">
    /// Niced while it starts, as a restart beside an instance that is sending must be; otherwise (the first start,
    /// before anything is sent) it starts at full priority and is niced once it answers. Niced: the fake Bot API in the
    /// test's process stamps each send as it reads it, and on two busy cores (an instance starting again while the
    /// other sends) it read late and stamped a queue of sends at once. Started niced while the machine ran the other
    /// test assemblies, the first start took half a minute.
    /// </param>
    public async Task StartAsync(bool nicedFromTheStart = true)
    {
        if (process is not null) await process.DisposeAsync(); // killed before: its output is gone with it
        process = new HostProcess(environment, niceness: nicedFromTheStart ? Niceness : 0, "--urls", Url);
        var health = await process.HealthAsync(Url);
        health.EnsureSuccessStatusCode();
        if (!nicedFromTheStart) await process.ReniceAsync(Niceness);
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
