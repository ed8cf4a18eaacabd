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
    TimeProvider time,
    IOptions<ClickOptions> options)
{
    private static readonly byte[] Salt = RandomNumberGenerator.GetBytes(16);

    public async Task<RedirectTarget?> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (!CodeFormat.TryNormalize(code, out var normalized)) return null;
        return await cache.GetOrCreateAsync(("redirect", normalized), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = options.Value.TargetCacheDuration;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
            var target = await db.Codes.Where(c => c.Value == normalized)
                .Select(c => new RedirectTarget(c.Value, c.MemberId, c.Member.CampaignId, c.Member.Campaign.Slug, c.Member.Campaign.LandingUrl))
                .SingleOrDefaultAsync(cancellationToken);
            // An unknown code is remembered only briefly: it may be handed out a moment later.
            if (target is null) entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(2);
            return target;
        });
    }

    /// <summary>Counts a visit (unless it is a link preview) and returns the landing URL with the UTM tags.</summary>
    public async Task<string> VisitAsync(RedirectTarget target, string? source, string? visitorKey, string? userAgent, CancellationToken cancellationToken)
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

        return LandingUrlBuilder.Build(target, tag);
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
