using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Clicks;

/// <summary>
/// Adds a batch of clicks to <see cref="ClickTally"/>. A click is unique when its visitor is new for the referrer and
/// source (an insert that does not conflict). Plain <c>INSERT … ON CONFLICT</c>, which SQLite and PostgreSQL both
/// speak.
/// </summary>
internal static class ClickTallies
{
    public static async Task AddAsync(ReferralBotDbContext db, IReadOnlyList<Click> clicks, CancellationToken cancellationToken)
    {
        var tallies = clicks.GroupBy(c => (c.MemberId, Source: c.Source ?? ""))
            .ToDictionary(g => g.Key, g => (g.First().CampaignId, Clicks: g.Count(), Unique: 0));
        foreach (var (memberId, source, visitor) in clicks.Where(c => c.Visitor is not null).Select(c => (c.MemberId, c.Source ?? "", c.Visitor!)).Distinct())
        {
            var added = await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "ClickVisitors" ("MemberId", "Source", "Visitor") VALUES ({memberId}, {source}, {visitor}) ON CONFLICT DO NOTHING""",
                cancellationToken);
            if (added == 1) tallies[(memberId, source)] = tallies[(memberId, source)] with { Unique = tallies[(memberId, source)].Unique + 1 };
        }

        foreach (var ((memberId, source), (campaignId, count, unique)) in tallies)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "ClickTallies" ("MemberId", "Source", "CampaignId", "Clicks", "UniqueClicks") VALUES ({memberId}, {source}, {campaignId}, {count}, {unique})
                ON CONFLICT ("MemberId", "Source") DO UPDATE SET "Clicks" = "ClickTallies"."Clicks" + excluded."Clicks", "UniqueClicks" = "ClickTallies"."UniqueClicks" + excluded."UniqueClicks"
                """,
                cancellationToken);
        }
    }
}
