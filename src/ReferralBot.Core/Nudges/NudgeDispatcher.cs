using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Members;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Nudges;

/// <summary>
/// Settles the nudges that are due, a batch at a time: each goes to the outbox (rendered, under its own key, so it
/// is queued once), or is skipped for good (stopped, unreachable, already shared), or moves on (quiet hours, the
/// weekly cap). A Quartz job calls this every <c>Nudges:DispatchInterval</c>; the rows, not Quartz, hold the
/// schedule, so any number of pending nudges costs one indexed query per batch. Every instance runs it; a batch is
/// leased (<see cref="IRowLeases"/>), so instances sharing the store settle different nudges at the same time.
/// </summary>
public sealed partial class NudgeDispatcher(
    ReferralBotDbContext db,
    NudgeRenderer renderer,
    Outbox outbox,
    OutboxSignal outboxSignal,
    IRowLeases leases,
    IOptions<NudgeOptions> options,
    TimeProvider time,
    ILogger<NudgeDispatcher> logger)
{
    /// <summary>Settles everything due now; returns how many nudges were queued.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        var now = time.GetUtcNow().UtcDateTime;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var lease = await leases.BeginAsync(db, cancellationToken);
            var batch = await leases.SkipLocked(db.Set<Nudge>()
                .Where(n => n.State == NudgeState.Pending && n.DueAt <= now)
                .OrderBy(n => n.DueAt).ThenBy(n => n.Id)
                .Take(options.Value.BatchSize))
                .ToListAsync(cancellationToken);
            if (batch.Count == 0) break;

            var sentThisBatch = new Dictionary<int, int>();
            var queuedThisBatch = 0;
            foreach (var nudge in batch) queuedThisBatch += await SettleAsync(nudge, now, sentThisBatch, cancellationToken) ? 1 : 0;
            await db.SaveChangesAsync(cancellationToken);
            if (lease is not null) await lease.CommitAsync(cancellationToken);
            queued += queuedThisBatch;
            db.ChangeTracker.Clear();
            if (batch.Count < options.Value.BatchSize) break;
        }

        if (queued > 0)
        {
            outboxSignal.Notify();
            LogQueued(logger, queued);
        }

        return queued;
    }

    private async Task<bool> SettleAsync(Nudge nudge, DateTime now, Dictionary<int, int> sentThisBatch, CancellationToken cancellationToken)
    {
        var member = await db.Members.Include(m => m.Person).Include(m => m.Campaign).Include(m => m.Codes)
            .SingleAsync(m => m.Id == nudge.MemberId, cancellationToken);
        var person = member.Person;
        if (person.ErasedAt is not null) return Skip(nudge, "erased", now);
        if (person.UnreachableAt is not null || person.PrivateChatId is null) return Skip(nudge, "unreachable", now);
        if (person.StoppedAt is not null) return Skip(nudge, "stopped", now);
        if (nudge.Kind == NudgeKind.ShareAgain
            && await db.Claims.AnyAsync(c => c.ReferrerMemberId == member.Id && c.ClaimedAt >= nudge.CreatedAt, cancellationToken))
            return Skip(nudge, "shared", now);

        var quiet = options.Value.QuietWindow();
        if (quiet.NextAllowed(now, member.Campaign.TimeZone) is var morning && morning > now) return Defer(nudge, morning);
        if (Nudge.IsPromotional(nudge.Kind) && await CapFreesAtAsync(person.Id, now, sentThisBatch, cancellationToken) is { } frees)
            return Defer(nudge, quiet.NextAllowed(frees, member.Campaign.TimeZone));

        var replies = await renderer.RenderAsync(nudge, member, cancellationToken);
        if (!outbox.Add(person, $"nudge:{nudge.Key}", replies)) return Skip(nudge, "unreachable", now);
        (nudge.State, nudge.SettledAt) = (NudgeState.Queued, now);
        if (Nudge.IsPromotional(nudge.Kind)) sentThisBatch[person.Id] = sentThisBatch.GetValueOrDefault(person.Id) + 1;
        return true;
    }

    // Null while the person is under the weekly cap; else when the oldest promotional nudge of the last 7 days
    // leaves the window.
    private async Task<DateTime?> CapFreesAtAsync(int personId, DateTime now, Dictionary<int, int> sentThisBatch, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-7);
        var recent = await db.Set<Nudge>()
            .Where(n => n.PersonId == personId && n.State == NudgeState.Queued && n.SettledAt > since
                && (n.Kind == NudgeKind.ThankYou || n.Kind == NudgeKind.ShareAgain || n.Kind == NudgeKind.Reminder))
            .OrderBy(n => n.SettledAt).Select(n => n.SettledAt!.Value)
            .ToListAsync(cancellationToken);
        var settled = recent.Concat(Enumerable.Repeat(now, sentThisBatch.GetValueOrDefault(personId))).ToList();
        var max = options.Value.MaxPerWeek;
        return settled.Count < max ? null : settled[settled.Count - max].AddDays(7);
    }

    private static bool Skip(Nudge nudge, string reason, DateTime now)
    {
        (nudge.State, nudge.Reason, nudge.SettledAt) = (NudgeState.Skipped, reason, now);
        return false;
    }

    private static bool Defer(Nudge nudge, DateTime dueAt)
    {
        nudge.DueAt = dueAt;
        return false;
    }

    [LoggerMessage(LogLevel.Information, "{Count} nudges queued")]
    private static partial void LogQueued(ILogger logger, int count);
}
