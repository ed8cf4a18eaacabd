using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Nudges;

/// <summary>
/// <c>/campaign remind</c>: a "share your code again" nudge for every member of a campaign who can be reached, due now.
/// One set-based statement writes them all (<see cref="IReminderStore"/>), and the unique key gives each
/// member at most one reminder a campaign day, so running the command twice, or a retried message, doubles nothing.
/// The dispatcher still applies quiet hours, the weekly cap and <c>/stop</c> when each one goes out.
/// </summary>
public sealed partial class CampaignReminders(ReferralBotDbContext db, IReminderStore store, AuditLog audit, TimeProvider time, ILogger<CampaignReminders> logger)
{
    /// <summary>How a round went: newly queued, already reminded today, and members left out (stopped, erased, unreachable).</summary>
    public sealed record Round(int Queued, int AlreadyToday, int LeftOut);

    public async Task<Round> ScheduleAsync(string actor, Campaign campaign, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var prefix = Nudge.ReminderKeyPrefix(campaign.Id, CampaignDates.LocalDate(now, campaign.TimeZone));

        await using var transaction = await AtomicWork.BeginAsync(db, cancellationToken);
        var members = await db.Members.CountAsync(m => m.CampaignId == campaign.Id, cancellationToken);
        var reachable = await db.Members.CountAsync(m => m.CampaignId == campaign.Id && m.Person.PrivateChatId != null
            && m.Person.StoppedAt == null && m.Person.ErasedAt == null && m.Person.UnreachableAt == null, cancellationToken);
        // The same rule as the count above.
        var queued = await store.QueueAsync(db, campaign.Id, prefix, now, cancellationToken);
        if (queued > 0) audit.Record(actor, campaign.Id, "campaign.remind", null, queued.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        LogScheduled(logger, LoggedText.Of(actor), queued, campaign.Slug, reachable - queued);
        return new Round(queued, reachable - queued, members - reachable);
    }

    [LoggerMessage(LogLevel.Information, "{Actor} queued {Count} reminders in {Campaign} ({Already} already reminded today)")]
    private static partial void LogScheduled(ILogger logger, string actor, int count, string campaign, int already);
}
