using ReferralBot.Host.Tests.Hosting;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("ReferralBot.Host.Tests.Support.ClusterFirst", "ReferralBot.Host.Tests")]

namespace ReferralBot.Host.Tests.Support;

/// <summary>
/// The cluster test's collection goes first, the rest in xunit's default order: it is the project's longest test and
/// mostly waits, so started first it runs beside the others instead of after them.
/// </summary>
public sealed class ClusterFirst : ITestCollectionOrderer
{
    private readonly DefaultTestCollectionOrderer defaultOrder = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        defaultOrder.OrderTestCollections(testCollections).OrderBy(c => c.DisplayName.Contains(ClusterTests.Name, StringComparison.Ordinal) ? 0 : 1);
}
