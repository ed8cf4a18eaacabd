using Humanizer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Campaigns;

/// <summary>On first start there is no campaign; make the configured default so /start works at once.</summary>
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
        db.Campaigns.Add(campaign);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.AddRange(Tier.DefaultLadder(campaign.Id));
            await db.SaveChangesAsync(cancellationToken);
            LogCreated(logger, campaign.Slug, campaign.LandingUrl);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another instance seeded it first.
        }
    }

    [LoggerMessage(LogLevel.Information, "Created the default campaign {Campaign} landing on {LandingUrl}")]
    private static partial void LogCreated(ILogger logger, string campaign, string landingUrl);
}
