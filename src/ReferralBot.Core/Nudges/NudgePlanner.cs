using Microsoft.Extensions.Options;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Nudges;

/// <summary>
/// Plans the nudges a recorded purchase causes, on the caller's context, so they are stored in the same transaction
/// as the purchase: the referrer hears at once, the buyer is thanked and later asked to share again, and a tier-up is
/// congratulated.
/// </summary>
public sealed class NudgePlanner(ReferralBotDbContext db, ExperimentTerms experiments, IOptions<NudgeOptions> options)
{
    public async Task PlanAsync(Purchase purchase, Attribution attribution, TierEvent? tierUp, DateTime now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (attribution.Credited && attribution.Referrer is { } referrer)
        {
            Add(NudgeKind.ReferrerPurchase, Nudge.KeyFor(purchase.OrderId, NudgeKind.ReferrerPurchase), referrer.PersonId, referrer.Id, referrer.CampaignId, purchase.OrderId, null, now, now);
            if (tierUp is not null)
                Add(NudgeKind.TierUp, Nudge.TierKeyFor(referrer.Id, tierUp.TierName), referrer.PersonId, referrer.Id, referrer.CampaignId, purchase.OrderId, tierUp.TierName, now, now);
        }

        if (attribution.Buyer is { } buyer)
        {
            // The buyer meets the share-again delay now, as it is set (the campaign's, or their experiment variant's).
            var terms = await experiments.ForSharerAsync(buyer.Campaign, buyer.PersonId, cancellationToken);
            var shareAgain = terms.ShareAgainDelayHours is { } hours ? TimeSpan.FromHours(hours) : settings.ShareAgainDelay;
            Add(NudgeKind.ThankYou, Nudge.KeyFor(purchase.OrderId, NudgeKind.ThankYou), buyer.PersonId, buyer.Id, buyer.CampaignId, purchase.OrderId, null, now, now + settings.ThankYouDelay);
            Add(NudgeKind.ShareAgain, Nudge.KeyFor(purchase.OrderId, NudgeKind.ShareAgain), buyer.PersonId, buyer.Id, buyer.CampaignId, purchase.OrderId, null, now, now + shareAgain);
        }
    }

    private void Add(NudgeKind kind, string key, int personId, int memberId, int campaignId, string orderId, string? tier, DateTime now, DateTime due) =>
        db.Add(new Nudge
        {
            Key = key,
            Kind = kind,
            PersonId = personId,
            MemberId = memberId,
            CampaignId = campaignId,
            OrderId = orderId,
            TierName = tier,
            CreatedAt = now,
            DueAt = due,
        });
}
