using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Clicks;

/// <summary>
/// Writes a batch of clicks and adds them to <see cref="ClickTally"/> (a click is unique when its visitor is new for
/// the referrer and source), in the caller's transaction. The fastest way is the provider's own bulk SQL, so each
/// provider brings its own.
/// </summary>
public interface IClickStore
{
    Task WriteAsync(ReferralBotDbContext db, IReadOnlyList<Click> clicks, CancellationToken cancellationToken);
}
