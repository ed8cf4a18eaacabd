using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Review;

/// <summary>The review queue as admins read it: open cases newest first, and a campaign's counts for <c>/report</c>.</summary>
public sealed class ReviewQuery(ReferralBotDbContext db)
{
    public async Task<(IReadOnlyList<ReviewLine> Lines, int Total)> OpenAsync(int? campaignId, int count, CancellationToken cancellationToken)
    {
        var open = db.Set<ReviewCase>().AsNoTracking().Where(c => c.State == ReviewState.Open);
        if (campaignId is { } id) open = open.Where(c => c.CampaignId == id);
        var total = await open.CountAsync(cancellationToken);
        var rows = await open.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(count)
            .Select(c => new
            {
                c.Id, c.Rule, c.Evidence, c.CreatedAt, c.Holds, c.HoldsMember, c.ClaimId, c.PurchaseId,
                Code = db.Codes.Where(k => k.MemberId == c.MemberId && k.IsPrimary).Select(k => k.Value).First(),
                Name = db.Members.Where(m => m.Id == c.MemberId).Select(m => m.Person.DisplayName).First(),
                Slug = db.Campaigns.Where(k => k.Id == c.CampaignId).Select(k => k.Slug).First(),
            })
            .ToListAsync(cancellationToken);
        return (rows.Select(r => new ReviewLine(r.Id, r.Rule, Facts(r.Evidence), r.CreatedAt, r.Holds, r.HoldsMember, r.Code, r.Name, r.Slug)).ToList(), total);
    }

    public async Task<ReviewCounts> CountsAsync(int campaignId, CancellationToken cancellationToken)
    {
        var states = await db.Set<ReviewCase>().Where(c => c.CampaignId == campaignId)
            .GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Of(ReviewState state) => states.FirstOrDefault(s => s.Key == state)?.Count ?? 0;
        return new ReviewCounts(states.Sum(s => s.Count), Of(ReviewState.Open), Of(ReviewState.Approved), Of(ReviewState.Rejected));
    }

    private static Dictionary<string, string> Facts(string evidence) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(evidence) ?? [];
}

/// <summary>One open case as <c>/review</c> lists it; <see cref="Facts"/> are the rule's evidence for the prompt to word.</summary>
public sealed record ReviewLine(
    int Id, string Rule, IReadOnlyDictionary<string, string> Facts, DateTime At, bool Holds, bool HoldsMember, string Code, string Name, string Slug);

public sealed record ReviewCounts(int Flagged, int Open, int Approved, int Rejected);
