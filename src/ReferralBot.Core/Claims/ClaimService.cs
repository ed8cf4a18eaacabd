using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Limits;
using ReferralBot.Core.Members;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Languages;

namespace ReferralBot.Core.Claims;

/// <summary>
/// A person claims a code: they join its campaign (if not yet a member) and its owner becomes their referrer.
/// Every refusal is decided before anything is written; the unique key on the referred member settles races.
/// </summary>
public sealed partial class ClaimService(
    ReferralBotDbContext db,
    MemberDirectory members,
    CodeSuggester suggester,
    Outbox outbox,
    OutboxSignal outboxSignal,
    PromptRenderer prompts,
    LanguageSet languages,
    ExperimentTerms experiments,
    AbuseLimits limits,
    TimeProvider time,
    ILogger<ClaimService> logger)
{
    private const int MaxAttempts = 5;

    public async Task<ClaimOutcome> ClaimAsync(Person claimant, string input, ClaimVia via, CancellationToken cancellationToken)
    {
        // Guessing codes: after Limits:WrongCodes wrong ones, nothing is looked up until the window has passed.
        if (limits.WrongCodes.WaitFor(claimant.Address) is { } wait) return new ClaimOutcome.TooManyTries(wait);
        var outcome = await DecideAsync(claimant, input, via, cancellationToken);
        if (outcome is ClaimOutcome.InvalidCode or ClaimOutcome.UnknownCode) limits.WrongCodes.AttemptAcquire(claimant.Address).Dispose();
        return outcome;
    }

    private async Task<ClaimOutcome> DecideAsync(Person claimant, string input, ClaimVia via, CancellationToken cancellationToken)
    {
        if (!CodeFormat.TryNormalize(input, out var code)) return new ClaimOutcome.InvalidCode(input.Trim());

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DecideAndSaveAsync(claimant, code, via, cancellationToken);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < MaxAttempts)
            {
                // Someone wrote first (this person's other message joined or claimed, or another joiner took the new
                // customer code): nothing of this attempt was written, so decide again on what is there now. Only
                // this attempt's new rows are let go: the claimant stays tracked, so a new membership still finds them.
                FailedSave.ForgetInserts(db);
            }
        }
    }

    // The membership (when new), the claim, the referrer's sign-up count and notice are written in one transaction.
    private async Task<ClaimOutcome> DecideAndSaveAsync(Person claimant, string code, ClaimVia via, CancellationToken cancellationToken)
    {
        var owned = await db.Codes.Include(c => c.Member).ThenInclude(m => m.Person)
            .Include(c => c.Member).ThenInclude(m => m.Campaign)
            .Include(c => c.Member).ThenInclude(m => m.Codes)
            .SingleOrDefaultAsync(c => c.Value == code, cancellationToken);
        if (owned is null) return new ClaimOutcome.UnknownCode(code, await suggester.SuggestAsync(code, cancellationToken));

        var referrer = owned.Member;
        if (referrer.PersonId == claimant.Id) return new ClaimOutcome.OwnCode(referrer);
        if (referrer.BlockedAt is not null) return new ClaimOutcome.Blocked(code);

        var current = await members.FindAsync(claimant.Id, referrer.CampaignId, cancellationToken);
        if (current is not null && await FirstReferrerAsync(current.Id, cancellationToken) is { } first)
            return new ClaimOutcome.AlreadyClaimed(current, first, first.Id == referrer.Id);
        if (ClaimRules.ClosedReason(referrer.Campaign, time.GetUtcNow().UtcDateTime) is { } reason) return new ClaimOutcome.CampaignClosed(referrer.Campaign, reason);
        if (current is not null && await db.Claims.AnyAsync(
                c => c.ReferredMemberId == referrer.Id && c.ReferrerMemberId == current.Id, cancellationToken))
            return new ClaimOutcome.Circular(referrer);

        // The claimant meets the referrer's variant of each running experiment (the offer they are given), and their own
        // as a sharer (their new code card).
        var referrerTerms = await experiments.ForSharerAsync(referrer.Campaign, referrer.PersonId, cancellationToken);
        var memberTerms = await experiments.ForSharerAsync(referrer.Campaign, claimant.Id, cancellationToken);
        var member = current ?? await members.EnrollAsync(claimant, referrer.Campaign, cancellationToken);
        db.Claims.Add(new Claim
        {
            CampaignId = referrer.CampaignId,
            // A new member's key is EF's temporary one until the insert; EF puts the real one in the claim.
            ReferredMemberId = db.Entry(member).Property(m => m.Id).CurrentValue,
            ReferrerMemberId = referrer.Id,
            Code = code,
            Via = via,
            ClaimedAt = time.GetUtcNow().UtcDateTime,
        });
        await using (var transaction = await AtomicWork.BeginAsync(db, cancellationToken))
        {
            // The new rows first and the referrer's count after them, as the deep-link path (FreshClaims) does: the
            // count locks the referrer's row until the commit, and where writers run side by side one holding it must
            // never wait for another's new rows (a customer code both drew), or two claims wait on each other.
            await db.SaveChangesAsync(cancellationToken);
            var signUps = await CountSignUpAsync(referrer.Id, cancellationToken);
            await TellReferrerAsync(referrer, claimant, code, signUps, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.AfterCommit(outboxSignal.Notify);
        if (current is null) members.Joined(claimant, referrer.Campaign, member);
        LogClaimed(logger, LoggedText.Of(claimant.Address), code, referrer.Campaign.Slug, via);
        return new ClaimOutcome.Claimed(member, referrer, code, JoinedNow: current is null, referrerTerms, memberTerms);
    }

    // The count the referrer is told is the one kept on their membership, as the deep-link path reads it.
    private async Task<int> CountSignUpAsync(int referrerId, CancellationToken cancellationToken)
    {
        await db.Members.Where(m => m.Id == referrerId).ExecuteUpdateAsync(s => s.SetProperty(m => m.SignUps, m => m.SignUps + 1), cancellationToken);
        return await db.Members.Where(m => m.Id == referrerId).Select(m => m.SignUps).SingleAsync(cancellationToken);
    }

    // Stored with the claim itself: the referrer hears of every sign-up exactly once, even across a restart.
    private async Task TellReferrerAsync(Member referrer, Person claimant, string code, int signUps, CancellationToken cancellationToken)
    {
        var notice = await ReferrerNotice.RenderAsync(prompts, claimant.DisplayName, referrer.Campaign.Name, code, signUps, languages.Of(referrer.Person, referrer.Campaign));
        outbox.Add(referrer.Person, ReferrerNotice.Key(referrer.CampaignId, claimant.Id), [notice]);
    }

    private Task<Member?> FirstReferrerAsync(int referredMemberId, CancellationToken cancellationToken) =>
        db.Claims.Where(c => c.ReferredMemberId == referredMemberId)
            .Join(db.Members.Include(m => m.Person).Include(m => m.Codes), c => c.ReferrerMemberId, m => m.Id, (_, m) => m)
            .SingleOrDefaultAsync(cancellationToken);

    [LoggerMessage(LogLevel.Information, "{Person} claimed {Code} in {Campaign} via {Via}")]
    private static partial void LogClaimed(ILogger logger, string person, string code, string campaign, ClaimVia via);
}
