using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Links;

namespace ReferralBot.Core.Pages;

/// <summary>
/// The landing page's use case. A code whose campaign shares pages gets its owner's page, the view counted like a click
/// (unique per visitor and day, link previews not counted); one whose campaign does not is sent on to its tracked link,
/// so a page link shared while pages were on keeps working; an unknown code, or one of an ended campaign, gets nothing.
/// </summary>
public sealed class LandingPages(
    ReferralRedirects redirects, IServiceScopeFactory scopes, ProfilePhotos profilePhotos, LandingPageRenderer renderer, ReferralLinkBuilder links)
{
    /// <param name="count">False for a request that only asks about the page (HEAD): nothing is counted.</param>
    /// <param name="language">The reader's (their browser's, or picked on the page).</param>
    public async Task<PageAnswer> ShowAsync(
        string code, string? source, string? visitorKey, string? userAgent, bool count, string language, CancellationToken cancellationToken)
    {
        var target = await redirects.FindAsync(code, cancellationToken);
        if (target is null) return PageAnswer.Missing;
        var tag = LinkSource.Normalize(source);
        if (!target.LandingPage && !LinkPreviewAgents.IsPreview(userAgent)) return new PageAnswer.Moved(links.WebLink(target.Code, tag));

        var page = await LoadAsync(target, cancellationToken);
        if (page is null || page.Ended) return PageAnswer.Missing;
        if (count) await redirects.CountAsync(target, VisitKind.PageView, tag, visitorKey, userAgent, cancellationToken);
        return new PageAnswer.Page(await renderer.HtmlAsync(page, links.WebLink(target.Code, landingPage: true), language, tag));
    }

    /// <summary>
    /// The page as a link preview fetcher is shown it in place of <paramref name="target"/>'s redirect (its preview tags
    /// are what the messenger draws); null when there is no page to show.
    /// </summary>
    public async Task<string?> PreviewAsync(RedirectTarget target, string language, CancellationToken cancellationToken)
    {
        var page = await LoadAsync(target, cancellationToken);
        return page is null || page.Ended ? null : await renderer.HtmlAsync(page, links.WebLink(target.Code), language);
    }

    /// <summary>The photo on the code's page; null when it has none.</summary>
    public async Task<byte[]?> PhotoAsync(string code, CancellationToken cancellationToken)
    {
        var page = await redirects.FindAsync(code, cancellationToken) is { } target ? await LoadAsync(target, cancellationToken) : null;
        if (page is not { PhotoVersion: not null, Ended: false }) return null;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LandingPageQuery>().PhotoAsync(page.PersonId, cancellationToken);
    }

    /// <summary>The code's page, with its owner's profile picture fetched first when it is due.</summary>
    public async Task<LandingPage?> LoadAsync(RedirectTarget target, CancellationToken cancellationToken)
    {
        var page = await QueryAsync(target, cancellationToken);
        if (page is not { ProfilePhotoDue: true, Ended: false } || !profilePhotos.Offers(page.Channel)) return page;
        return await profilePhotos.FetchAsync(page.PersonId, page.Channel, page.UserId, cancellationToken) ? await QueryAsync(target, cancellationToken) : page;
    }

    // With the owner's variant of the campaign's running experiments: a follower sees on the page what the claim gives.
    private async Task<LandingPage?> QueryAsync(RedirectTarget target, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<LandingPageQuery>().ForAsync(target, cancellationToken);
        if (page is null || page.Ended) return page;
        var terms = await scope.ServiceProvider.GetRequiredService<ExperimentTerms>().ForSharerAsync(target.CampaignId, page.PersonId, cancellationToken);
        return terms is null ? page : page with { Offer = terms.Offer, Discount = terms.Discount, Voice = terms.ShareText ?? page.Voice };
    }
}
