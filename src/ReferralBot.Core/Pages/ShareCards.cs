using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Links;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Pages;

/// <summary>
/// The preview cards (<c>/og/{code}.png</c>), drawn once per version of what they show and kept in a cache of their
/// own, bounded in bytes. The version goes into the card's URL on the page, so a changed offer or photo is a new
/// picture for every messenger's cache too.
/// </summary>
public sealed class ShareCards(ReferralRedirects redirects, LandingPages pages, IServiceScopeFactory scopes, ReferralLinkBuilder links, PromptRenderer prompts)
    : IDisposable
{
    private const string Locale = "en";
    private const long CacheBytes = 64L * 1024 * 1024;
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(6);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = CacheBytes });

    /// <summary>Changes whenever anything the card shows does.</summary>
    public static string VersionOf(LandingPage page)
    {
        var shown = string.Join('\u001f', page.Target.Code, page.Target.LandingPage, page.Campaign, page.Offer, page.OwnerName, page.PhotoVersion);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shown))[..6]);
    }

    /// <summary>The card of <paramref name="code"/>'s page as a PNG; null for an unknown code or an ended campaign.</summary>
    public async Task<byte[]?> PngAsync(string code, CancellationToken cancellationToken)
    {
        var target = await redirects.FindAsync(code, cancellationToken);
        var page = target is null ? null : await pages.LoadAsync(target, cancellationToken);
        if (page is null || page.Ended) return null;

        var key = (page.Target.Code, VersionOf(page));
        if (cache.TryGetValue(key, out byte[]? cached)) return cached;

        var png = ShareCard.Png(await ContentAsync(page, cancellationToken));
        cache.Set(key, png, new MemoryCacheEntryOptions { Size = png.Length, SlidingExpiration = KeptFor });
        return png;
    }

    private async Task<ShareCardContent> ContentAsync(LandingPage page, CancellationToken cancellationToken)
    {
        var model = new { Code = page.Target.Code, page.Campaign, page.Offer, Name = page.OwnerName };
        byte[]? photo = null;
        if (page.PhotoVersion is not null)
        {
            await using var scope = scopes.CreateAsyncScope();
            photo = await scope.ServiceProvider.GetRequiredService<LandingPageQuery>().PhotoAsync(page.PersonId, cancellationToken);
        }

        return new ShareCardContent(
            page.Campaign,
            page.Offer ?? page.Campaign,
            await prompts.RenderPlainAsync(PromptName.CardByline, model, Locale),
            await prompts.RenderPlainAsync(PromptName.CardCodeLabel, model, Locale),
            page.Target.Code,
            links.WebLink(page.Target.Code, LinkSource.Qr, page.Target.LandingPage),
            photo,
            LandingPageRenderer.Initials(page.OwnerName ?? page.Campaign));
    }

    public void Dispose() => cache.Dispose();
}
