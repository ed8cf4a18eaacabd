using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Review;

/// <summary>
/// What the open review cases hold, as the ledger's reckoning needs it: the purchases whose rewards are under review
/// (flagged themselves, or bought by someone whose claim is flagged) and the members all of whose rewards are.
/// </summary>
public sealed class ReviewHolds(ReferralBotDbContext db)
{
    public async Task<(List<long> Purchases, List<int> Members)> OpenAsync(CancellationToken cancellationToken)
    {
        var open = db.Set<ReviewCase>().Where(c => c.State == ReviewState.Open && c.Holds);
        var claims = open.Where(c => c.ClaimId != null).Select(c => c.ClaimId!.Value);
        var purchases = await open.Where(c => c.PurchaseId != null).Select(c => c.PurchaseId!.Value)
            .Union(db.Set<Purchase>().Where(p => db.Claims.Any(cl => cl.ReferredMemberId == p.BuyerMemberId && claims.Contains(cl.Id))).Select(p => p.Id))
            .ToListAsync(cancellationToken);
        var members = await open.Where(c => c.HoldsMember).Select(c => c.MemberId).Distinct().ToListAsync(cancellationToken);
        return (purchases, members);
    }
}
