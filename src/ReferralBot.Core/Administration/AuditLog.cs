using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Administration;

/// <summary>Adds audit entries to the caller's context, so a change and its record are saved together.</summary>
public sealed class AuditLog(ReferralBotDbContext db, TimeProvider time)
{
    public void Record(string actor, int? campaignId, string action, string? oldValue, string? newValue) =>
        db.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Actor = actor,
            CampaignId = campaignId,
            Action = action,
            OldValue = oldValue,
            NewValue = newValue,
        });

    public Task<List<AuditEntry>> LatestAsync(int campaignId, int count, CancellationToken cancellationToken) =>
        db.Set<AuditEntry>().AsNoTracking().Where(a => a.CampaignId == campaignId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(count).ToListAsync(cancellationToken);
}
