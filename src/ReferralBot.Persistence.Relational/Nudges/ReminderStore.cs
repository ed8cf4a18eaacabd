using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Relational.Nudges;

/// <summary>Reminders as one <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> (100,000 members take well under a second).</summary>
public sealed class ReminderStore : IReminderStore
{
    public Task<int> QueueAsync(ReferralBotDbContext db, int campaignId, string keyPrefix, DateTime now, CancellationToken cancellationToken)
    {
        var (kind, pending) = (nameof(NudgeKind.Reminder), nameof(NudgeState.Pending));
        // The WHERE also keeps SQLite from reading ON CONFLICT as a join's ON.
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Nudges" ("Key", "Kind", "PersonId", "MemberId", "CampaignId", "CreatedAt", "DueAt", "State")
            SELECT {keyPrefix} || m."Id", {kind}, m."PersonId", m."Id", m."CampaignId", {now}, {now}, {pending}
            FROM "Members" AS m INNER JOIN "People" AS p ON p."Id" = m."PersonId"
            WHERE m."CampaignId" = {campaignId} AND p."PrivateChatId" IS NOT NULL
              AND p."StoppedAt" IS NULL AND p."ErasedAt" IS NULL AND p."UnreachableAt" IS NULL
            ON CONFLICT ("Key") DO NOTHING
            """, cancellationToken);
    }
}
