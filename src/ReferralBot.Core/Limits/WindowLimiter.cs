using System.Threading.RateLimiting;

namespace ReferralBot.Core.Limits;

/// <summary>
/// A fixed-window limit per key (a person, an address) on the service's <see cref="TimeProvider"/>: at most
/// <c>limit</c> permits a key in each window, counted from the key's first permit. It is a
/// <see cref="PartitionedRateLimiter{TResource}"/> like the ones ASP.NET Core's rate limiting uses, but reads the
/// injected clock (theirs replenish on a real timer), so a test moves it by stepping a fake clock. Keys whose window has
/// passed are forgotten as new ones come, so the table stays as small as the keys active in one window.
/// </summary>
public sealed class WindowLimiter(int limit, TimeSpan window, TimeProvider time) : PartitionedRateLimiter<string>
{
    private readonly Dictionary<string, (DateTimeOffset Start, int Used)> windows = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private DateTimeOffset nextSweep;

    /// <summary>Whether <paramref name="key"/> has a permit left now, without taking one.</summary>
    public bool HasRoom(string key) => WaitFor(key) is null;

    /// <summary>How long until <paramref name="key"/> has a permit again; null when it has one now.</summary>
    public TimeSpan? WaitFor(string key)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            return windows.TryGetValue(key, out var w) && now < w.Start + window && w.Used >= limit ? w.Start + window - now : null;
        }
    }

    public override RateLimiterStatistics? GetStatistics(string resource)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var used = windows.TryGetValue(resource, out var w) && now < w.Start + window ? w.Used : 0;
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, limit - used) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Sweep(now);
            if (!windows.TryGetValue(resource, out var w) || now >= w.Start + window) w = (now, 0);
            if (w.Used + permitCount > limit)
            {
                windows[resource] = w;
                return new Lease(false, w.Start + window - now);
            }

            windows[resource] = (w.Start, w.Used + permitCount);
            return new Lease(true, null);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    // Once a window, the keys whose windows have all passed go.
    private void Sweep(DateTimeOffset now)
    {
        if (now < nextSweep) return;
        nextSweep = now + window;
        foreach (var key in windows.Where(w => now >= w.Value.Start + window).Select(w => w.Key).ToList()) windows.Remove(key);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
