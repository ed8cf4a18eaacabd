using ReferralBot.Telegram.Tests.Support;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("ReferralBot.Telegram.Tests.Support." + nameof(SlowestFirst), "ReferralBot.Telegram.Tests")]

namespace ReferralBot.Telegram.Tests.Support;

/// <summary>
/// Starts the send queue's tests first: they step a fake clock a millisecond at a time for seconds on end, mostly
/// waiting, so begun first they run beside the flows instead of after them (the assembly's time is theirs alone).
/// </summary>
public sealed class SlowestFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName.Contains("TelegramSendQueueTests", StringComparison.Ordinal) ? 0 : 1).ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
