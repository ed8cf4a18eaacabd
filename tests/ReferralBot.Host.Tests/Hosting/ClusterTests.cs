using ReferralBot.Testing.Cluster;
using Xunit.Abstractions;

namespace ReferralBot.Host.Tests.Hosting;

/// <summary>
/// Two instances as real processes on one PostgreSQL database (issue 20's cluster test at CI size; bench/ runs the
/// full one): duplicate deliveries, double taps on both instances at once, replayed purchases and a killed sender.
/// </summary>
/// <remarks>
/// It runs alone in this process, its instances run under nice, and the scenario lets this process's thread pool grow
/// at once: the fake Bot API stamps each send as its handler starts, and with other tests' hosts in this process, or a
/// handler waiting for a thread, those stamps came late and bunched (31 in one second from an instance sending 20).
/// <c>--filter Category=Cluster</c> runs it alone.
/// </remarks>
[Collection(nameof(ClusterTests))]
[Trait("Category", "Cluster")]
public sealed class ClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_instances_keep_every_promise_through_duplicates_races_and_a_killed_sender()
    {
        var report = await ClusterScenario.RunAsync(ClusterLoad.Small, output.WriteLine);
        output.WriteLine(report.ToJson());

        // How fast the failover is, is bench/'s to measure (here the machine runs other tests beside it); that the new
        // sender sends what the dead one left is checked here, by every person hearing back.
        Assert.Empty(report.Violations);
        Assert.Equal(ClusterLoad.Small.People, report.Claims);
    }
}

[CollectionDefinition(nameof(ClusterTests), DisableParallelization = true)]
public sealed class ClusterTestsAlone;
