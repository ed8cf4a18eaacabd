using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Members;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Languages;

namespace ReferralBot.Core.Review;

/// <summary>
/// An admin's decisions on review cases, each audited in its own save. Approving releases what the case held (unless
/// another open case holds it too). Rejecting reverses the rewards it held with reversing entries (whose keys are unique,
/// so nothing is reversed twice, a refund's reversal included) and tells the member, politely. Blocking a code stops its
/// claims and rewards and rejects whatever of it is under review.
/// </summary>
public sealed class ReviewDecisions(
    ReferralBotDbContext db, AuditLog audit, Outbox outbox, OutboxSignal outboxSignal, PromptRenderer prompts, LanguageSet languages, TimeProvider time)
{
    public async Task<ReviewCase?> ApproveAsync(ReviewCase open, string actor, CancellationToken cancellationToken)
    {
        Decide(open, ReviewState.Approved, actor, null);
        audit.Record(actor, open.CampaignId, $"review.approve {open.Id}", open.Rule, null);
        await db.SaveChangesAsync(cancellationToken);
        return open;
    }

    /// <summary>The case rejected, and how many rewards were reversed.</summary>
    public async Task<int> RejectAsync(ReviewCase open, string actor, string? reason, CancellationToken cancellationToken)
    {
        var reversed = await RejectUnsavedAsync(open, actor, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.AfterCommit(outboxSignal.Notify);
        return reversed;
    }

    /// <summary>Blocks the member's codes; the cases of theirs that were open, now rejected.</summary>
    public async Task<int> BlockAsync(Member member, string actor, CancellationToken cancellationToken)
    {
        member.BlockedAt ??= time.GetUtcNow().UtcDateTime;
        var open = await db.Set<ReviewCase>().Where(c => c.MemberId == member.Id && c.State == ReviewState.Open).ToListAsync(cancellationToken);
        foreach (var c in open) await RejectUnsavedAsync(c, actor, null, cancellationToken);
        audit.Record(actor, member.CampaignId, "review.block", null, member.PrimaryCode);
        await db.SaveChangesAsync(cancellationToken);
        db.AfterCommit(outboxSignal.Notify);
        return open.Count;
    }

    private async Task<int> RejectUnsavedAsync(ReviewCase open, string actor, string? reason, CancellationToken cancellationToken)
    {
        Decide(open, ReviewState.Rejected, actor, reason);
        var now = time.GetUtcNow().UtcDateTime;
        var rewards = await HeldRewardsAsync(open).ToListAsync(cancellationToken);
        db.AddRange(rewards.Select(e => LedgerEntry.ReversalOf(e, now)));
        audit.Record(actor, open.CampaignId, $"review.reject {open.Id}", open.Rule, reason);

        if (open.Holds && await db.Members.Include(m => m.Person).Include(m => m.Campaign).Include(m => m.Codes)
                .SingleAsync(m => m.Id == open.MemberId, cancellationToken) is { Person.ErasedAt: null } member)
        {
            var notice = await prompts.TextAsync(PromptName.ReviewRejectedNotice, new
            {
                Name = member.Person.DisplayName, Campaign = member.Campaign.Name, Code = member.PrimaryCode, Rewards = rewards.Count, Reason = reason,
            }, languages.Of(member.Person, member.Campaign));
            outbox.Add(member.Person, $"review:{open.Id}:rejected", [notice]);
        }

        return rewards.Count;
    }

    // The member's rewards the case held and no reversal has undone yet (a refund's, or another case's).
    private IQueryable<LedgerEntry> HeldRewardsAsync(ReviewCase open)
    {
        var entries = db.Set<LedgerEntry>().AsNoTracking()
            .Where(e => e.MemberId == open.MemberId && e.ReversesEntryId == null && RewardKinds.Earned.Contains(e.Kind)
                && !db.Set<LedgerEntry>().Any(r => r.ReversesEntryId == e.Id));
        if (!open.Holds) return entries.Where(_ => false);
        if (open.HoldsMember) return entries;
        if (open.PurchaseId is { } purchase) return entries.Where(e => e.PurchaseId == purchase);
        var claim = open.ClaimId;
        return entries.Where(e => db.Set<Purchase>().Any(p => p.Id == e.PurchaseId
            && db.Claims.Any(c => c.Id == claim && c.ReferredMemberId == p.BuyerMemberId)));
    }

    private void Decide(ReviewCase open, ReviewState state, string actor, string? reason)
    {
        open.State = state;
        open.DecidedAt = time.GetUtcNow().UtcDateTime;
        open.DecidedBy = actor;
        open.Reason = reason;
    }
}
