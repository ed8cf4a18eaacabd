using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Experiments;

/// <summary>
/// The terms a sharer and their followers meet while experiments run on the campaign. Variants are given per sharer
/// (the owner of the code): everything a follower sees through one code (the share text, the page, the card, the claim's
/// answer, the discount at checkout) is one variant, and the clicks, views, sign-ups and purchases through it are that
/// variant's. The first time a person meets a running experiment their variant is recorded; it never changes after.
/// </summary>
public sealed class ExperimentTerms(ReferralBotDbContext db, IExposureStore exposures, TimeProvider time)
{
    /// <summary>What <paramref name="personId"/> and their followers meet now; recorded as their exposure to each running experiment.</summary>
    public Task<CampaignTerms> ForSharerAsync(Campaign campaign, int personId, CancellationToken cancellationToken) =>
        ForAsync(campaign, personId, claimedAt: null, cancellationToken);

    /// <summary>
    /// As <see cref="ForSharerAsync(Campaign, int, CancellationToken)"/> for a campaign known by its id; null (without
    /// reading the campaign) when no experiment runs on it, so the caller's own values stand.
    /// </summary>
    public async Task<CampaignTerms?> ForSharerAsync(int campaignId, int personId, CancellationToken cancellationToken)
    {
        if (!await db.Set<Experiment>().AnyAsync(e => e.CampaignId == campaignId && e.State == ExperimentState.Running, cancellationToken)) return null;
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, cancellationToken);
        return await ForSharerAsync(campaign, personId, cancellationToken);
    }

    /// <summary>
    /// The terms a purchase through <paramref name="referrerPersonId"/> is rewarded by: a running experiment's variant, or,
    /// after an experiment stopped, the variant the referrer had when the buyer claimed before the stop (kept through the
    /// claim's attribution window, which the purchase has already been checked against).
    /// </summary>
    public Task<CampaignTerms> ForPurchaseAsync(Campaign campaign, int referrerPersonId, DateTime? claimedAt, CancellationToken cancellationToken) =>
        ForAsync(campaign, referrerPersonId, claimedAt, cancellationToken);

    private async Task<CampaignTerms> ForAsync(Campaign campaign, int personId, DateTime? claimedAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stoppedSince = claimedAt is null ? DateTime.MaxValue : now.AddDays(-campaign.AttributionWindowDays);
        var experiments = await ExperimentsAsync(campaign.Id, stoppedSince, cancellationToken);
        if (experiments.Count == 0) return CampaignTerms.Of(campaign);

        var seen = await SeenAsync(experiments, personId, cancellationToken);
        var terms = ExperimentSettings.StandIn(campaign);
        foreach (var experiment in experiments)
        {
            var known = seen.TryGetValue(experiment.Id, out var variantId);
            ExperimentVariant variant;
            if (experiment.State == ExperimentState.Running)
            {
                variant = known ? experiment.Variants.Single(v => v.Id == variantId) : Pick(experiment, personId);
                if (!known)
                {
                    await exposures.RecordAsync(db, new ExperimentExposure
                    {
                        ExperimentId = experiment.Id, PersonId = personId, VariantId = variant.Id, ExposedAt = now,
                    }, cancellationToken);
                }
            }
            else if (known && claimedAt <= experiment.StoppedAt)
            {
                variant = experiment.Variants.Single(v => v.Id == variantId);
            }
            else
            {
                continue;
            }

            // A variant that no longer applies (its amount in a currency the campaign has left) leaves the campaign's value.
            ExperimentSettings.ApplyVariant(terms, experiment.Setting, variant.Value);
        }

        return CampaignTerms.Of(terms);
    }

    // Running ones, and those stopped since the given moment (their terms may still hold for purchases).
    private Task<List<Experiment>> ExperimentsAsync(int campaignId, DateTime stoppedSince, CancellationToken cancellationToken) =>
        db.Set<Experiment>().AsNoTracking().Include(e => e.Variants)
            .Where(e => e.CampaignId == campaignId
                && (e.State == ExperimentState.Running || e.State == ExperimentState.Stopped && e.StoppedAt > stoppedSince))
            .OrderBy(e => e.StartedAt)
            .ToListAsync(cancellationToken);

    private async Task<Dictionary<int, int>> SeenAsync(List<Experiment> experiments, int personId, CancellationToken cancellationToken)
    {
        if (experiments.Count == 0) return [];
        var ids = experiments.Select(e => e.Id).ToList();
        return await db.Set<ExperimentExposure>().AsNoTracking()
            .Where(x => x.PersonId == personId && ids.Contains(x.ExperimentId))
            .ToDictionaryAsync(x => x.ExperimentId, x => x.VariantId, cancellationToken);
    }

    /// <summary>The variant the hash gives <paramref name="personId"/>, by the split the experiment started with.</summary>
    public static ExperimentVariant Pick(Experiment experiment, int personId)
    {
        var variants = experiment.Variants.OrderBy(v => v.Position).ToList();
        return variants[VariantAssignment.Pick(experiment.Id, personId, variants.Select(v => v.Weight).ToList())];
    }
}
