using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Clicks;

/// <summary>
/// The web link's use case: find where a code leads (cached), count the click (buffered) and give the URL to
/// redirect to. Unknown codes get a near-miss suggestion for the 404 page.
/// </summary>
public sealed class ReferralRedirects(
    IServiceScopeFactory scopes,
    IMemoryCache cache,
    ClickBuffer clicks,
    RedirectCacheSignal changes,
    TimeProvider time,
    IOptions<ClickOptions> options)
{
    private static readonly byte[] Salt = RandomNumberGenerator.GetBytes(16);

    public async Task<RedirectTarget?> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (!CodeFormat.TryNormalize(code, out var normalized)) return null;
        var duration = options.Value.TargetCacheDuration;
        if (duration <= TimeSpan.Zero) return await LoadAsync(normalized, cancellationToken); // caching turned off

        return await cache.GetOrCreateAsync(("redirect", normalized), async entry =>
        {
            var target = await LoadAsync(normalized, cancellationToken);
            // An unknown code is remembered only briefly: it may be handed out a moment later.
            entry.AbsoluteExpirationRelativeToNow = target is null ? TimeSpan.FromSeconds(Math.Min(2, duration.TotalSeconds)) : duration;
            if (target is not null) entry.AddExpirationToken(changes.For(target.CampaignId));
            return target;
        });
    }

    private async Task<RedirectTarget?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        return await db.Codes.Where(c => c.Value == code)
            .Select(c => new RedirectTarget(c.Value, c.MemberId, c.Member.CampaignId, c.Member.Campaign.Slug, c.Member.Campaign.LandingUrl))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Counts a visit (unless it is a link preview) and returns the landing URL with the UTM tags.</summary>
    public async Task<string> VisitAsync(
        RedirectTarget target, string? source, string? buyerReference, string? visitorKey, string? userAgent, CancellationToken cancellationToken)
    {
        var tag = LinkSource.Normalize(source);
        var now = time.GetUtcNow().UtcDateTime;
        if (!LinkPreviewAgents.IsPreview(userAgent))
        {
            await clicks.AddAsync(new Click
            {
                MemberId = target.MemberId,
                CampaignId = target.CampaignId,
                Code = target.Code,
                Source = tag,
                Visitor = VisitorHash($"{visitorKey}|{userAgent}", now),
                OccurredAt = now,
            }, cancellationToken);
        }

        return LandingUrlBuilder.Build(target, tag, buyerReference);
    }

    public async Task<string?> SuggestAsync(string code, CancellationToken cancellationToken)
    {
        if (!CodeFormat.TryNormalize(code, out var normalized)) return null;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CodeSuggester>().SuggestAsync(normalized, cancellationToken);
    }

    // Same visitor, same day → same hash; nothing that identifies them is stored.
    private static string VisitorHash(string key, DateTime now)
    {
        var bytes = HMACSHA256.HashData(Salt, Encoding.UTF8.GetBytes($"{now:yyyy-MM-dd}|{key}"));
        return Convert.ToHexString(bytes, 0, 16);
    }
}
