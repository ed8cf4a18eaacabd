using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Campaigns;

/// <summary>Creating campaigns and moving them between states; every change is audited in the same save.</summary>
public sealed class CampaignAdministration(
    ReferralBotDbContext db,
    AuditLog audit,
    RedirectCacheSignal redirects,
    TimeProvider time,
    IOptions<BotOptions> bot)
{
    /// <summary>A new campaign with the default tier ladder, or null when the slug is taken (a unique key decides).</summary>
    public async Task<Campaign?> CreateAsync(string actor, string slug, string landingUrl, string name, CancellationToken cancellationToken)
    {
        var campaign = new Campaign
        {
            Slug = slug,
            Name = name,
            LandingUrl = landingUrl,
            Currency = bot.Value.DefaultCurrency,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Campaigns.Add(campaign);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            return null;
        }

        db.AddRange(Tier.DefaultLadder(campaign.Id));
        audit.Record(actor, campaign.Id, "campaign.new", null, $"{slug} {landingUrl} \"{name}\"");
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    /// <summary>Applies one setting and audits it; null when done, else the problem (nothing changed).</summary>
    public async Task<string?> SetAsync(string actor, Campaign campaign, CampaignSetting setting, string value, CancellationToken cancellationToken)
    {
        var before = setting.Show(campaign);
        // Rewards and revenue are summed in the campaign's currency: once money is recorded in it, it stays.
        if (setting.Key == "currency" && !string.Equals(value, campaign.Currency, StringComparison.OrdinalIgnoreCase)
            && await db.Set<Purchase>().AnyAsync(p => p.CampaignId == campaign.Id, cancellationToken))
            return "has-purchases";

        var problem = setting.Apply(campaign, value);
        if (problem is not null) return problem;

        await using var transaction = await AtomicWork.BeginAsync(db, cancellationToken);
        // Only one campaign is the default: the others let go in the same transaction.
        if (setting.Key == "default" && campaign.IsDefault)
        {
            await db.Campaigns.Where(c => c.IsDefault && c.Id != campaign.Id)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.IsDefault, false), cancellationToken);
        }

        audit.Record(actor, campaign.Id, $"campaign.set {setting.Key}", before, setting.Show(campaign));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.AfterCommit(() => redirects.Changed(campaign.Id));
        return null;
    }

    public async Task ChangeStateAsync(string actor, Campaign campaign, CampaignState state, CancellationToken cancellationToken)
    {
        audit.Record(actor, campaign.Id, "campaign.state", campaign.State.ToString(), state.ToString());
        campaign.State = state;
        await db.SaveChangesAsync(cancellationToken);
    }
}
