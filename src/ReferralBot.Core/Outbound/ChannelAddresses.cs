using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Outbound;

/// <summary>Keeps each chat's <see cref="ChannelAddress"/> for the channels that need one (a singleton; each call its own scope).</summary>
public sealed class ChannelAddresses(IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task SaveAsync(string channel, string chatId, string details, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.Set<ChannelAddress>().SingleOrDefaultAsync(a => a.Channel == channel && a.ChatId == chatId, cancellationToken);
        if (existing is null) db.Add(new ChannelAddress { Channel = channel, ChatId = chatId, Details = details, UpdatedAt = now });
        else if (existing.Details != details) (existing.Details, existing.UpdatedAt) = (details, now);
        else return;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The same chat's first two messages at once: either row holds the same address.
        }
    }

    public async Task<string?> FindAsync(string channel, string chatId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>().Set<ChannelAddress>()
            .Where(a => a.Channel == channel && a.ChatId == chatId).Select(a => a.Details).SingleOrDefaultAsync(cancellationToken);
    }
}
