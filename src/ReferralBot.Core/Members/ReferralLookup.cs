using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Members;

/// <summary>
/// Who referred a member, looked up for their code card (the claim that brought them in, if any), and the terms they
/// share: meeting them is the member's exposure to the campaign's running experiments.
/// </summary>
public sealed class ReferralLookup(ReferralBotDbContext db, CodeCardBuilder cards, ExperimentTerms experiments)
{
    public async Task<ReferralContext> ForAsync(Member member, CancellationToken cancellationToken)
    {
        var referrer = await db.Claims.Where(c => c.ReferredMemberId == member.Id)
            .Join(db.Members, c => c.ReferrerMemberId, m => m.Id, (c, m) => new { c.Code, m.Voice, m.Person.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        var terms = await experiments.ForSharerAsync(member.Campaign, member.PersonId, cancellationToken);
        return referrer is null
            ? new ReferralContext(null, terms.ShareText ?? member.Voice, null, terms)
            : cards.Referral(member, referrer.Code, referrer.Voice, referrer.DisplayName, terms);
    }
}
