using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Clicks;

/// <summary>
/// The web link's use case: find where a code leads (cached), count the click (buffered) and give the URL to
/// redirect to. Landing pages count their views here too.
/// </summary>
public sealed class ReferralRedirects(
    IRedirectTargets targets,
    IMemoryCache cache,
    ClickBuffer clicks,
    RedirectCacheSignal changes,
    VisitorSalt salt,
    TimeProvider time,
    IOptions<ClickOptions> options)
{
    // One keyed hash per thread, reset after each use: a one-shot HMAC builds its native (OpenSSL) context on every
    // call, which costs more than the hash itself. Made again when the day's salt changes.
    [ThreadStatic]
    private static (byte[] Salt, IncrementalHash Hmac)? visitorHmac;

    public async Task<RedirectTarget?> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (!CodeFormat.TryNormalize(code, out var normalized)) return null;
        var duration = options.Value.TargetCacheDuration;
        if (duration <= TimeSpan.Zero) return await LoadAsync(normalized, cancellationToken); // caching turned off

        var key = ("redirect", normalized);
        if (cache.TryGetValue(key, out RedirectTarget? cached)) return cached;

        // A found code is cached until an admin changes its campaign; an unknown one is not remembered at all (it may be
        // handed out a moment later, and a flood of made-up codes would only fill the cache).
        var target = await LoadAsync(normalized, cancellationToken);
        if (target is not null)
        {
            using var entry = cache.CreateEntry(key);
            entry.Value = target;
            entry.AbsoluteExpirationRelativeToNow = duration;
            entry.AddExpirationToken(changes.For(target.CampaignId));
        }

        return target;
    }

    private async Task<RedirectTarget?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var target = await targets.FindAsync(code, cancellationToken);
        // Landing URLs are stored in ASCII; one stored before that rule is made so here, as a Location header needs.
        return target is not null && HttpUrl.TryNormalize(target.LandingUrl, out var ascii) && ascii != target.LandingUrl
            ? target with { LandingUrl = ascii }
            : target;
    }

    /// <summary>Counts a visit (unless it is a link preview) and returns the landing URL with the UTM tags.</summary>
    public async Task<string> VisitAsync(
        RedirectTarget target, string? source, string? buyerReference, string? visitorKey, string? userAgent, CancellationToken cancellationToken)
    {
        var tag = LinkSource.Normalize(source);
        // Built before the click is counted: a redirect that cannot be made counts nothing.
        var landing = LandingUrlBuilder.Build(target, tag, buyerReference);
        await CountAsync(target, VisitKind.Click, tag, visitorKey, userAgent, cancellationToken);
        return landing;
    }

    /// <summary>
    /// Counts a click or a page view of <paramref name="target"/>'s code, unless a link preview fetched it;
    /// <paramref name="source"/> is already normalized (<see cref="LinkSource.Normalize"/>).
    /// </summary>
    public async ValueTask CountAsync(
        RedirectTarget target, VisitKind kind, string? source, string? visitorKey, string? userAgent, CancellationToken cancellationToken)
    {
        if (LinkPreviewAgents.IsPreview(userAgent)) return;
        var now = time.GetUtcNow().UtcDateTime;
        await clicks.AddAsync(new Click
        {
            MemberId = target.MemberId,
            CampaignId = target.CampaignId,
            Code = target.Code,
            Kind = kind,
            Source = source,
            Visitor = VisitorHash(visitorKey, userAgent, now),
            OccurredAt = now,
        }, cancellationToken);
    }

    // Same visitor, same day → same hash; nothing that identifies them is stored. Written straight into one buffer
    // and hashed there: this runs on every redirect, and the strings it used to build were most of its garbage.
    private string VisitorHash(string? visitorKey, string? userAgent, DateTime now)
    {
        var length = 11 + Encoding.UTF8.GetMaxByteCount((visitorKey?.Length ?? 0) + 1 + (userAgent?.Length ?? 0));
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var input = rented ?? stackalloc byte[length];
            now.TryFormat(input, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            input[written++] = (byte)'|';
            written += Encoding.UTF8.GetBytes(visitorKey, input[written..]);
            input[written++] = (byte)'|';
            written += Encoding.UTF8.GetBytes(userAgent, input[written..]);
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            var hmac = DayHmac(salt.For(DateOnly.FromDateTime(now)));
            hmac.AppendData(input[..written]);
            hmac.GetHashAndReset(hash);
            return Convert.ToHexString(hash[..16]);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static IncrementalHash DayHmac(byte[] daySalt)
    {
        if (visitorHmac is { } reused && ReferenceEquals(reused.Salt, daySalt)) return reused.Hmac;
        visitorHmac?.Hmac.Dispose();
        var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, daySalt);
        visitorHmac = (daySalt, hmac);
        return hmac;
    }
}
