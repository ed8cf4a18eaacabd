using ReferralBot.Testing.Cluster;

namespace ReferralBot.Bench;

/// <summary>
/// <c>cluster [--small]</c>: issue 20's cluster test at full size (<see cref="ClusterLoad.Full"/>: 2,000 claims, 500
/// purchases, 5,000 clicks, the sender killed and restarted 5 s later) on a throwaway PostgreSQL server, two service
/// processes and one fake Bot API. Progress on stderr; one JSON line of results and every broken promise on stdout.
/// Exits 1 if any promise was broken.
/// </summary>
internal static class ClusterRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var load = args.Contains("--small") ? ClusterLoad.Small : ClusterLoad.Full;
        // The outage: the killed sender comes back 5 s later, as a supervisor would restart it.
        var report = await ClusterScenario.RunAsync(load, line => Console.Error.WriteLine(line), () => Task.Delay(TimeSpan.FromSeconds(5)));
        Console.WriteLine(report.ToJson());
        return report.Violations.Count == 0 ? 0 : 1;
    }
}
