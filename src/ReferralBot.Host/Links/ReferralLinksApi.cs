using Microsoft.AspNetCore.Http.HttpResults;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Links;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Host.Links;

/// <summary>The tracked web link (<c>/r/{code}</c>) and its QR image (<c>/qr/{code}.png</c>).</summary>
public static class ReferralLinksApi
{
    public static IEndpointRouteBuilder MapReferralLinksApi(this IEndpointRouteBuilder app)
    {
        // Singletons, taken once: a service resolved as a handler parameter opens a DI scope for every redirect.
        var redirects = app.ServiceProvider.GetRequiredService<ReferralRedirects>();
        var prompts = app.ServiceProvider.GetRequiredService<PromptRenderer>();
        app.MapMethods("/r/{code}", [HttpMethods.Get, HttpMethods.Head],
            (string code, string? s, string? b, HttpContext http, CancellationToken cancellationToken) => RedirectAsync(code, s, b, http, redirects, prompts, cancellationToken));
        app.MapGet("/qr/{code}.png", QrAsync);
        return app;
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> RedirectAsync(
        string code, string? s, string? b, HttpContext http, ReferralRedirects redirects, PromptRenderer prompts, CancellationToken cancellationToken)
    {
        var target = await redirects.FindAsync(code, cancellationToken);
        if (target is null) return await NotFoundPageAsync(code, prompts);

        http.Response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsHead(http.Request.Method)) return TypedResults.Redirect(LandingUrlBuilder.Build(target, LinkSource.Normalize(s), b));

        var url = await redirects.VisitAsync(
            target, s, b, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString(), cancellationToken);
        return TypedResults.Redirect(url);
    }

    // No "did you mean" here, unlike the chat: a miss must cost about what a hit costs, and suggesting means trying
    // every near variant against the database, for each made-up code of a flood.
    private static async Task<ContentHttpResult> NotFoundPageAsync(string code, PromptRenderer prompts)
    {
        var page = await prompts.RenderAsync(PromptName.NotFoundPage, new { Code = code.Length > 40 ? code[..40] : code }, "en");
        return TypedResults.Content(page, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> QrAsync(
        string code, HttpContext http, ReferralRedirects redirects, ReferralLinkBuilder links, CancellationToken cancellationToken)
    {
        var target = await redirects.FindAsync(code, cancellationToken);
        if (target is null)
            return TypedResults.Problem($"There is no referral code '{code}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown code");

        http.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(QrCodeRenderer.Png(links.WebLink(target.Code, LinkSource.Qr)), "image/png");
    }
}
