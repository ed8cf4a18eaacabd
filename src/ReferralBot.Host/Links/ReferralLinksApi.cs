using Microsoft.AspNetCore.Http.HttpResults;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Limits;
using ReferralBot.Core.Links;
using ReferralBot.Core.Pages;
using ReferralBot.Core.Prompts;
using ReferralBot.Host.Pages;

namespace ReferralBot.Host.Links;

/// <summary>The tracked web link (<c>/r/{code}</c>) and its QR image (<c>/qr/{code}.png</c>).</summary>
public static class ReferralLinksApi
{
    public static IEndpointRouteBuilder MapReferralLinksApi(this IEndpointRouteBuilder app)
    {
        // Singletons, taken once: a service resolved as a handler parameter opens a DI scope for every redirect.
        var redirects = app.ServiceProvider.GetRequiredService<ReferralRedirects>();
        var pages = app.ServiceProvider.GetRequiredService<LandingPages>();
        var prompts = app.ServiceProvider.GetRequiredService<PromptRenderer>();
        var limits = app.ServiceProvider.GetRequiredService<AbuseLimits>();
        var languages = app.ServiceProvider.GetRequiredService<LanguageSet>();
        app.MapMethods("/r/{code}", [HttpMethods.Get, HttpMethods.Head],
            (string code, string? s, string? b, HttpContext http, CancellationToken cancellationToken) =>
                RedirectAsync(code, s, b, http, redirects, pages, prompts, languages, limits, cancellationToken));
        app.MapGet("/qr/{code}.png", QrAsync);
        return app;
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> RedirectAsync(
        string code, string? s, string? b, HttpContext http, ReferralRedirects redirects, LandingPages pages, PromptRenderer prompts, LanguageSet languages,
        AbuseLimits limits, CancellationToken cancellationToken)
    {
        if (CodeGuessing.Refused(http, limits) is not null) return await CodeGuessing.PageAsync(prompts, PageLanguage.Of(http.Request, languages));
        var target = await redirects.FindAsync(code, cancellationToken);
        if (target is null)
        {
            CodeGuessing.Missed(http, limits);
            return await NotFoundPage.ForAsync(code, prompts, PageLanguage.Of(http.Request, languages));
        }

        http.Response.Headers.CacheControl = "no-store";
        // A messenger drawing the link's preview gets the referrer's page, for its preview tags, instead of the shop's.
        var userAgent = http.Request.Headers.UserAgent.ToString();
        if (LinkPreviewAgents.IsPreview(userAgent) && await pages.PreviewAsync(target, PageLanguage.Of(http.Request, languages), cancellationToken) is { } preview)
            return TypedResults.Content(preview, "text/html; charset=utf-8");

        if (HttpMethods.IsHead(http.Request.Method)) return TypedResults.Redirect(LandingUrlBuilder.Build(target, LinkSource.Normalize(s), b));

        var url = await redirects.VisitAsync(
            target, s, b, http.Connection.RemoteIpAddress?.ToString(), userAgent, cancellationToken);
        return TypedResults.Redirect(url);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> QrAsync(
        string code, HttpContext http, ReferralRedirects redirects, ReferralLinkBuilder links, AbuseLimits limits, CancellationToken cancellationToken)
    {
        if (CodeGuessing.Refused(http, limits) is { } seconds) return CodeGuessing.Problem(seconds);
        var target = await redirects.FindAsync(code, cancellationToken);
        if (target is null)
        {
            CodeGuessing.Missed(http, limits);
            return TypedResults.Problem($"There is no referral code '{code}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown code");
        }

        http.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(QrCodeRenderer.Png(links.WebLink(target.Code, LinkSource.Qr, target.LandingPage)), "image/png");
    }
}
