using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;
using ReferralBot.Core.Pages;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Sharing;

/// <summary>
/// The cards a person can post to any chat (Telegram's inline mode: "@bot" in a chat's message box): one per campaign
/// they are in, picked by what they type (a code or a campaign), and the count of those posted.
/// </summary>
public sealed class ChatCards(
    ReferralBotDbContext db, MemberDirectory members, ReferralLookup referrals, ShareKit share, ReferralLinkBuilder links,
    LandingPageRenderer pages, PromptRenderer prompts, TimeProvider time)
{
    public const int MaxCards = 5;

    /// <summary>The person's cards matching <paramref name="query"/>; none for someone without a code.</summary>
    public async Task<IReadOnlyList<ChatCard>> ForAsync(string channel, string userId, string query, string locale, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Channel == channel && p.ExternalId == userId, cancellationToken);
        if (person is null || person.ErasedAt is not null) return [];

        // What they typed picks among their cards; typing something that matches none shows them all.
        var all = await members.MembershipsAsync(person.Id, cancellationToken);
        var picked = all.Where(m => Matches(m, query.Trim())).ToList();
        var photo = await db.Set<PersonPhoto>().Where(p => p.PersonId == person.Id && p.Jpeg != null).Select(p => (DateTime?)p.UpdatedAt).SingleOrDefaultAsync(cancellationToken);
        var cards = new List<ChatCard>();
        foreach (var member in (picked.Count > 0 ? picked : all).Take(MaxCards))
        {
            var code = member.PrimaryCode;
            var referral = await referrals.ForAsync(member, cancellationToken);
            var shareModel = await share.ModelAsync(member, referral, locale);
            var link = share.Link(member, LinkSource.ChatCard);
            var texts = await pages.TextsAsync(code, shareModel.Campaign, shareModel.Offer, person.DisplayName, shareModel.Voice, locale);
            cards.Add(new ChatCard(
                code,
                texts.Title,
                texts.Description,
                photo is { } at ? links.PhotoUrl(code, at.Ticks) : null,
                await prompts.RenderAsync(PromptName.ChatCard, new { Text = await share.TextAsync(member, referral, locale), Link = link }, locale),
                link,
                await prompts.RenderPlainAsync(PromptName.ButtonChatCard, new { Code = code, shareModel.Offer }, locale)));
        }

        return cards;
    }

    /// <summary>Counts a card posted to a chat once, however often the channel reports it.</summary>
    public async Task RecordPostedAsync(string channel, string userId, string cardId, string deliveryId, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking()
            .Where(m => m.Person.Channel == channel && m.Person.ExternalId == userId && m.Codes.Any(c => c.Value == cardId))
            .Select(m => new { m.Id, m.CampaignId }).SingleOrDefaultAsync(cancellationToken);
        if (member is null) return;
        if (await db.Set<ChatShare>().AnyAsync(s => s.Channel == channel && s.DeliveryId == deliveryId, cancellationToken)) return;

        db.Add(new ChatShare { MemberId = member.Id, CampaignId = member.CampaignId, Channel = channel, DeliveryId = deliveryId, OccurredAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The same report delivered twice at once: the other delivery counted it.
        }
    }

    private static bool Matches(Member member, string query) =>
        query.Length == 0
        || member.Campaign.Slug.StartsWith(query, StringComparison.OrdinalIgnoreCase)
        || member.Codes.Any(c => c.Value.StartsWith(query, StringComparison.OrdinalIgnoreCase));
}
