using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Pages;

/// <summary>Reads a code's landing page, and its owner's photo, in one query each.</summary>
public sealed class LandingPageQuery(ReferralBotDbContext db, TimeProvider time)
{
    public async Task<LandingPage?> ForAsync(RedirectTarget target, CancellationToken cancellationToken)
    {
        var row = await db.Members.AsNoTracking().Where(m => m.Id == target.MemberId).Select(m => new
        {
            m.PersonId,
            m.Person.Channel,
            m.Person.ExternalId,
            Campaign = m.Campaign.Name,
            m.Campaign.Offer,
            m.Campaign.Discount,
            m.Campaign.State,
            m.Campaign.EndsAt,
            m.Person.DisplayName,
            m.Person.ErasedAt,
            m.Voice,
            Photo = db.Set<PersonPhoto>().Where(p => p.PersonId == m.PersonId).Select(p => new { p.Origin, p.UpdatedAt, Shown = p.Jpeg != null }).FirstOrDefault(),
        }).SingleOrDefaultAsync(cancellationToken);
        if (row is null) return null;

        var erased = row.ErasedAt is not null;
        var now = time.GetUtcNow().UtcDateTime;
        return new LandingPage(
            target, row.PersonId, row.Channel, row.ExternalId, row.Campaign, row.Offer, row.Discount,
            Ended: row.State == CampaignState.Ended || row.EndsAt <= now,
            OwnerName: erased ? null : row.DisplayName,
            Voice: erased ? null : row.Voice,
            PhotoVersion: !erased && row.Photo is { Shown: true } photo ? photo.UpdatedAt.Ticks : null,
            ProfilePhotoDue: !erased && (row.Photo is null || row.Photo.Origin == PhotoOrigin.Profile && row.Photo.UpdatedAt < now - ProfilePhotos.RecheckAfter));
    }

    public Task<byte[]?> PhotoAsync(int personId, CancellationToken cancellationToken) =>
        db.Set<PersonPhoto>().Where(p => p.PersonId == personId).Select(p => p.Jpeg).SingleOrDefaultAsync(cancellationToken);
}
