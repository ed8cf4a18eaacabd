using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Pages;

/// <summary>
/// Fetches a person's profile picture from their channel the first time their page needs one, and keeps it (or that
/// they had none, asked again after <see cref="RecheckAfter"/>). A channel that fails is not asked again for a few
/// minutes, so a page never waits on it view after view.
/// </summary>
public sealed partial class ProfilePhotos(
    IEnumerable<IProfilePhotoSource> sources, IServiceScopeFactory scopes, TimeProvider time, ILogger<ProfilePhotos> logger)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromDays(7);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan QuietAfterFailure = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, IProfilePhotoSource> byChannel = sources.ToDictionary(s => s.Channel, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> failedAt = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="channel"/> has profile pictures to fetch.</summary>
    public bool Offers(string channel) => byChannel.ContainsKey(channel);

    /// <summary>Fetches and keeps the person's profile picture (or that they show none); false when nothing was kept.</summary>
    public async Task<bool> FetchAsync(int personId, string channel, string userId, CancellationToken cancellationToken)
    {
        if (!byChannel.TryGetValue(channel, out var source)) return false;
        var now = time.GetUtcNow();
        if (failedAt.TryGetValue(channel, out var failed) && now - failed < QuietAfterFailure) return false;

        byte[]? jpeg;
        try
        {
            using var patience = new CancellationTokenSource(Patience, time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, patience.Token);
            jpeg = await source.FetchAsync(userId, either.Token) is { } picture ? PhotoImage.ToJpeg(picture) : null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            failedAt[channel] = now;
            LogFetchFailed(logger, ex, channel);
            return false;
        }

        failedAt.TryRemove(channel, out _);
        return await KeepAsync(personId, jpeg, now.UtcDateTime, cancellationToken);
    }

    // Kept unless a picture of their own arrived meanwhile (or another view kept the profile picture first).
    private async Task<bool> KeepAsync(int personId, byte[]? jpeg, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var stored = await db.Set<PersonPhoto>().SingleOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        if (stored is { Origin: PhotoOrigin.Sent }) return false;
        if (stored is null) db.Add(stored = new PersonPhoto { PersonId = personId, Origin = PhotoOrigin.Profile });
        (stored.Jpeg, stored.UpdatedAt) = (jpeg, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Fetching a profile picture from {Channel} failed; its pages show initials for now")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, string channel);
}
