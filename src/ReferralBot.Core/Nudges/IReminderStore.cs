using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Nudges;

/// <summary>
/// Queues a pending reminder nudge for every member of a campaign who can be reached (a private chat, not stopped,
/// erased or unreachable), keyed <c>{keyPrefix}{memberId}</c>, skipping keys that exist: one set-based statement in the
/// caller's transaction, since a campaign may have 100,000 members. Returns how many were queued.
/// </summary>
public interface IReminderStore
{
    Task<int> QueueAsync(ReferralBotDbContext db, int campaignId, string keyPrefix, DateTime now, CancellationToken cancellationToken);
}
