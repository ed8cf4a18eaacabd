using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Members;

/// <summary>Who referred a member, looked up for their code card: the claim that brought them in, if any.</summary>
public sealed class ReferralLookup(ReferralBotDbContext db, CodeCardBuilder cards)
{
    public async Task<ReferralContext> ForAsync(Member member, CancellationToken cancellationToken)
    {
        var referrer = await db.Claims.Where(c => c.ReferredMemberId == member.Id)
            .Join(db.Members, c => c.ReferrerMemberId, m => m.Id, (c, m) => new { c.Code, m.Voice, m.Person.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        return referrer is null ? new ReferralContext(null, member.Voice, null) : cards.Referral(member, referrer.Code, referrer.Voice, referrer.DisplayName);
    }
}
