using Humanizer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Campaigns;

/// <summary>
/// On first start there is no campaign; make the configured default so /start works at once. Instances starting
/// together on a new database race to make it: the campaign and its tiers are one transaction, and the loser (its
/// insert refused by the unique slug) forgets what it tried, so nothing of it is saved later with other work.
/// </summary>
public sealed partial class DefaultCampaignSeeder(
    ReferralBotDbContext db,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<DefaultCampaignSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Campaigns.AnyAsync(cancellationToken)) return;

        var bot = options.Value;
        var campaign = new Campaign
        {
            Slug = bot.DefaultCampaign,
            Name = bot.DefaultCampaign.Humanize(LetterCasing.Title),
            LandingUrl = bot.DefaultLandingUrl,
            Currency = bot.DefaultCurrency,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        try
        {
            await using var transaction = await AtomicWork.BeginAsync(db, cancellationToken);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync(cancellationToken);
            db.AddRange(Tier.DefaultLadder(campaign.Id));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogCreated(logger, campaign.Slug, campaign.LandingUrl);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another instance seeded it first.
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(LogLevel.Information, "Created the default campaign {Campaign} landing on {LandingUrl}")]
    private static partial void LogCreated(ILogger logger, string campaign, string landingUrl);
}
