using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Administration;

/// <summary>Who is an admin: the terminal's owner, <c>Bot:Admins</c>, and whoever an admin added in chat.</summary>
public sealed class AdminDirectory(ReferralBotDbContext db, AdminPolicy configured)
{
    public async Task<bool> IsAdminAsync(string channel, string userId, CancellationToken cancellationToken) =>
        configured.IsAdmin(channel, userId)
        || await db.Set<AdminGrant>().AnyAsync(a => a.Channel == channel && a.UserId == userId, cancellationToken);

    public bool IsConfigured(ChatAddress address) => configured.IsAdmin(address.Channel, address.UserId);

    public Task<AdminGrant?> GrantAsync(ChatAddress address, CancellationToken cancellationToken) =>
        db.Set<AdminGrant>().SingleOrDefaultAsync(a => a.Channel == address.Channel && a.UserId == address.UserId, cancellationToken);

    public Task<List<AdminGrant>> GrantsAsync(CancellationToken cancellationToken) =>
        db.Set<AdminGrant>().AsNoTracking().OrderBy(a => a.GrantedAt).ToListAsync(cancellationToken);
}
