using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Members;
using ReferralBot.Core.Review;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Purchases;

/// <summary>
/// Decides who a purchase is credited to. The buyer's reference (or the customer the shop names) identifies the
/// buyer, and the buyer's claim their referrer; failing that, the code used at checkout names the referrer. A buyer
/// we cannot identify is fine: the code's owner is credited.
/// </summary>
public sealed class PurchaseAttribution(ReferralBotDbContext db)
{
    public async Task<Attribution> AttributeAsync(PurchaseReport report, CancellationToken cancellationToken)
    {
        var code = CodeFormat.TryNormalize(report.Code, out var normalized) ? normalized : null;
        var owner = code is null ? null : await WithCampaign(db.Members).SingleOrDefaultAsync(m => m.Codes.Any(c => c.Value == code), cancellationToken);
        var buyer = await BuyerAsync(report, owner?.CampaignId, cancellationToken);
        var claim = buyer is null ? null : await db.Claims.SingleOrDefaultAsync(c => c.ReferredMemberId == buyer.Id, cancellationToken);
        var referrer = claim is not null
            ? await WithCampaign(db.Members).SingleAsync(m => m.Id == claim.ReferrerMemberId, cancellationToken)
            : owner;
        var campaign = referrer?.Campaign ?? buyer?.Campaign;

        string? reason = null;
        if (referrer is null) reason = code is not null && owner is null ? NotCredited.UnknownCode : NotCredited.NoReferrer;
        else if (buyer is not null && referrer.PersonId == buyer.PersonId) reason = NotCredited.OwnCode;
        else if (referrer.BlockedAt is not null) reason = NotCredited.Blocked;
        else if (claim is not null && await db.Set<ReviewCase>().AnyAsync(c => c.ClaimId == claim.Id && c.State == ReviewState.Rejected, cancellationToken))
            reason = NotCredited.Rejected;
        else if (claim is not null && report.OccurredAt < claim.ClaimedAt) reason = NotCredited.BeforeClaim;
        else if (claim is not null && report.OccurredAt > claim.ClaimedAt.AddDays(referrer.Campaign.AttributionWindowDays)) reason = NotCredited.OutsideWindow;

        return new Attribution(campaign, referrer, buyer, code, reason, claim?.ClaimedAt);
    }

    private static IQueryable<Member> WithCampaign(IQueryable<Member> members) =>
        members.Include(m => m.Campaign).Include(m => m.Codes);

    // The buyer: by the reference from their shop link, else by who the shop says they are in chat (in the code's
    // campaign when there is a code, else their latest membership).
    private async Task<Member?> BuyerAsync(PurchaseReport report, int? campaignId, CancellationToken cancellationToken)
    {
        if (MemberReference.IsWellFormed(report.Reference)
            && await WithCampaign(db.Members).SingleOrDefaultAsync(m => m.Reference == report.Reference, cancellationToken) is { } referenced)
            return referenced;
        if (report.CustomerChannel is null || report.CustomerUserId is null) return null;

        var members = WithCampaign(db.Members).Where(m => m.Person.Channel == report.CustomerChannel && m.Person.ExternalId == report.CustomerUserId);
        if (campaignId is { } id) members = members.Where(m => m.CampaignId == id);
        return await members.OrderByDescending(m => m.JoinedAt).FirstOrDefaultAsync(cancellationToken);
    }
}
