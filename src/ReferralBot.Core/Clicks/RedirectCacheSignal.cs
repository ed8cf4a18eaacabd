using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace ReferralBot.Core.Clicks;

/// <summary>Expires the cached redirect targets of a campaign the moment an admin changes where its links land.</summary>
public sealed class RedirectCacheSignal
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> sources = new();

    public IChangeToken For(int campaignId) => new CancellationChangeToken(sources.GetOrAdd(campaignId, _ => new CancellationTokenSource()).Token);

    public void Changed(int campaignId)
    {
        if (sources.TryRemove(campaignId, out var source))
        {
            source.Cancel();
            source.Dispose();
        }
    }
}
