using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Campaigns;

public sealed class CampaignDirectory(ReferralBotDbContext db, IOptions<BotOptions> options)
{
    public Task<Campaign?> FindAsync(string slug, CancellationToken cancellationToken) =>
        db.Campaigns.SingleOrDefaultAsync(c => c.Slug == slug.ToLowerInvariant(), cancellationToken);

    /// <summary>
    /// The campaign that <c>/start</c> without a code joins: the configured one while it is active, else the
    /// oldest active one; none when nothing is running.
    /// </summary>
    public async Task<Campaign?> DefaultAsync(CancellationToken cancellationToken) =>
        await FindAsync(options.Value.DefaultCampaign, cancellationToken) is { AcceptsClaims: true } configured
            ? configured
            : await db.Campaigns.Where(c => c.State == CampaignState.Active).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
}
