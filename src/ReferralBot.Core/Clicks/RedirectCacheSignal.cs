using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace ReferralBot.Core.Clicks;

/// <summary>
/// Expires the cached redirect targets of a campaign the moment an admin changes where its links land (on this
/// instance, or on another one that shares the store and says so).
/// </summary>
public sealed class RedirectCacheSignal
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> sources = new();

    public IChangeToken For(int campaignId) => new CancellationChangeToken(sources.GetOrAdd(campaignId, _ => new CancellationTokenSource()).Token);

    public void Changed(int campaignId)
    {
        if (sources.TryRemove(campaignId, out var source)) Expire(source);
    }

    /// <summary>Every campaign may have changed (unheard, while another instance's news could not reach this one).</summary>
    public void ChangedAll()
    {
        foreach (var campaignId in sources.Keys) Changed(campaignId);
    }

    private static void Expire(CancellationTokenSource source)
    {
        source.Cancel();
        source.Dispose();
    }
}
