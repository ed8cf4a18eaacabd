using Microsoft.AspNetCore.Http.HttpResults;
using ReferralBot.Core.Limits;
using ReferralBot.Core.Pages;
using ReferralBot.Core.Prompts;
using ReferralBot.Host.Links;

namespace ReferralBot.Host.Pages;

/// <summary>A referrer's landing page (<c>/p/{code}</c>), its photo and its preview card (<c>/og/{code}.png</c>).</summary>
public static class LandingPagesApi
{
    public static IEndpointRouteBuilder MapLandingPagesApi(this IEndpointRouteBuilder app)
    {
        var pages = app.ServiceProvider.GetRequiredService<LandingPages>();
        var prompts = app.ServiceProvider.GetRequiredService<PromptRenderer>();
        var limits = app.ServiceProvider.GetRequiredService<AbuseLimits>();
        var languages = app.ServiceProvider.GetRequiredService<LanguageSet>();
        app.MapMethods("/p/{code}", [HttpMethods.Get, HttpMethods.Head],
            (string code, string? s, HttpContext http, CancellationToken cancellationToken) => PageAsync(code, s, http, pages, prompts, languages, limits, cancellationToken));
        app.MapGet("/p/{code}/photo.jpg",
            (string code, HttpContext http, CancellationToken cancellationToken) => PhotoAsync(code, http, pages, cancellationToken));
        var cards = app.ServiceProvider.GetRequiredService<ShareCards>();
        app.MapGet("/og/{code}.png",
            (string code, HttpContext http, CancellationToken cancellationToken) => CardAsync(code, http, cards, cancellationToken));
        return app;
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> PageAsync(
        string code, string? s, HttpContext http, LandingPages pages, PromptRenderer prompts, LanguageSet languages, AbuseLimits limits,
        CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(http.Request, languages);
        PageLanguage.Varies(http.Response);
        if (CodeGuessing.Refused(http, limits) is not null) return await CodeGuessing.PageAsync(prompts, language);
        var answer = await pages.ShowAsync(
            code, s, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString(), !HttpMethods.IsHead(http.Request.Method), language,
            cancellationToken);
        http.Response.Headers.CacheControl = "no-store"; // every view is counted, so none may be answered from a cache
        return answer switch
        {
            PageAnswer.Page page => TypedResults.Content(page.Html, "text/html; charset=utf-8"),
            PageAnswer.Moved moved => TypedResults.Redirect(moved.Url),
            _ => await MissedAsync(code, http, prompts, limits, language),
        };
    }

    private static async Task<ContentHttpResult> MissedAsync(string code, HttpContext http, PromptRenderer prompts, AbuseLimits limits, string language)
    {
        CodeGuessing.Missed(http, limits);
        return await NotFoundPage.ForAsync(code, prompts, language);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> PhotoAsync(
        string code, HttpContext http, LandingPages pages, CancellationToken cancellationToken)
    {
        if (await pages.PhotoAsync(code, cancellationToken) is not { } jpeg) return TypedResults.NotFound();
        // The page asks for it with the photo's version in the query, so a new photo is a new URL.
        http.Response.Headers.CacheControl = "public, max-age=604800";
        return TypedResults.File(jpeg, "image/jpeg");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CardAsync(
        string code, HttpContext http, ShareCards cards, CancellationToken cancellationToken)
    {
        if (await cards.PngAsync(code, cancellationToken) is not { } png)
            return TypedResults.Problem($"There is no page for the code '{code}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown code");
        // Pages name the card with its version, so a cached card is never out of date for long.
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(png, "image/png");
    }
}
