namespace ReferralBot.Core.Clicks;

/// <summary>
/// The store's lookup of where a code leads: the one query every redirect of a code not in the cache makes, a made-up
/// code's included, so a store answers it the cheapest way it has.
/// </summary>
public interface IRedirectTargets
{
    /// <summary>The code's target, or null when no such code exists; <paramref name="normalizedCode"/> is upper case.</summary>
    ValueTask<RedirectTarget?> FindAsync(string normalizedCode, CancellationToken cancellationToken);
}
