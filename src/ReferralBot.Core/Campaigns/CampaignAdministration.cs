using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Campaigns;

/// <summary>Creating campaigns and moving them between states; every change is audited in the same save.</summary>
public sealed class CampaignAdministration(ReferralBotDbContext db, AuditLog audit, TimeProvider time, IOptions<BotOptions> bot)
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

    public async Task ChangeStateAsync(string actor, Campaign campaign, CampaignState state, CancellationToken cancellationToken)
    {
        audit.Record(actor, campaign.Id, "campaign.state", campaign.State.ToString(), state.ToString());
        campaign.State = state;
        await db.SaveChangesAsync(cancellationToken);
    }
}
