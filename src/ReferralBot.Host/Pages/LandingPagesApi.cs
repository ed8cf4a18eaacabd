using Microsoft.AspNetCore.Http.HttpResults;
using ReferralBot.Core.Pages;
using ReferralBot.Core.Prompts;
using ReferralBot.Host.Links;

namespace ReferralBot.Host.Pages;

/// <summary>A referrer's landing page (<c>/p/{code}</c>) and its photo.</summary>
public static class LandingPagesApi
{
    public static IEndpointRouteBuilder MapLandingPagesApi(this IEndpointRouteBuilder app)
    {
        var pages = app.ServiceProvider.GetRequiredService<LandingPages>();
        var prompts = app.ServiceProvider.GetRequiredService<PromptRenderer>();
        app.MapMethods("/p/{code}", [HttpMethods.Get, HttpMethods.Head],
            (string code, string? s, HttpContext http, CancellationToken cancellationToken) => PageAsync(code, s, http, pages, prompts, cancellationToken));
        app.MapGet("/p/{code}/photo.jpg",
            (string code, HttpContext http, CancellationToken cancellationToken) => PhotoAsync(code, http, pages, cancellationToken));
        return app;
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> PageAsync(
        string code, string? s, HttpContext http, LandingPages pages, PromptRenderer prompts, CancellationToken cancellationToken)
    {
        var answer = await pages.ShowAsync(
            code, s, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString(), !HttpMethods.IsHead(http.Request.Method), cancellationToken);
        http.Response.Headers.CacheControl = "no-store"; // every view is counted, so none may be answered from a cache
        return answer switch
        {
            PageAnswer.Page page => TypedResults.Content(page.Html, "text/html; charset=utf-8"),
            PageAnswer.Moved moved => TypedResults.Redirect(moved.Url),
            _ => await NotFoundPage.ForAsync(code, prompts),
        };
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> PhotoAsync(
        string code, HttpContext http, LandingPages pages, CancellationToken cancellationToken)
    {
        if (await pages.PhotoAsync(code, cancellationToken) is not { } jpeg) return TypedResults.NotFound();
        // The page asks for it with the photo's version in the query, so a new photo is a new URL.
        http.Response.Headers.CacheControl = "public, max-age=604800";
        return TypedResults.File(jpeg, "image/jpeg");
    }
}
