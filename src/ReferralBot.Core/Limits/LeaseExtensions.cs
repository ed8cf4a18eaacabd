using System.Threading.RateLimiting;

namespace ReferralBot.Core.Limits;

public static class LeaseExtensions
{
    /// <summary>How long until a refused lease's limit has room again; null when it does not say.</summary>
    public static TimeSpan? RetryAfter(this RateLimitLease lease) => lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
}
