using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Campaigns;

public sealed class CampaignDirectory(ReferralBotDbContext db, IOptions<BotOptions> options, TimeProvider time)
{
    public Task<Campaign?> FindAsync(string slug, CancellationToken cancellationToken) =>
        db.Campaigns.SingleOrDefaultAsync(c => c.Slug == slug.ToLowerInvariant(), cancellationToken);

    /// <summary>
    /// The campaign that <c>/start</c> without a code joins: the one an admin made the default, else the
    /// configured one, while they run; else the oldest running one; none when nothing is running.
    /// </summary>
    public async Task<Campaign?> DefaultAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.Campaigns.SingleOrDefaultAsync(c => c.IsDefault, cancellationToken) is { } chosen && chosen.AcceptsClaimsAt(now)) return chosen;
        if (await FindAsync(options.Value.DefaultCampaign, cancellationToken) is { } configured && configured.AcceptsClaimsAt(now)) return configured;
        var active = await db.Campaigns.Where(c => c.State == CampaignState.Active).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return active.FirstOrDefault(c => c.AcceptsClaimsAt(now));
    }
}
