using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ReferralBot.Host.Setup;

/// <summary>
/// Applies an endpoint's declared body limit (<c>RequestSizeLimitAttribute</c> metadata), which minimal-API endpoints do
/// not do by themselves, as the server's limit for the request: a body longer than that fails as it is read, and the
/// exception handler answers 413. It only sets the limit, so each endpoint still decides what it checks before reading
/// (a signature's headers, a secret token), and a post refused for those is never read at all.
/// </summary>
public static class BodySizeLimits
{
    /// <summary>For every endpoint that declares none; Kestrel's own default is 30 MB.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public static IApplicationBuilder UseBodySizeLimits(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBodyBytes;
        return next(context);
    });

    /// <summary>A body that turned out too long (or another malformed request) is answered with its own status, not 500.</summary>
    public static IServiceCollection AddBadRequestStatuses(this IServiceCollection services) =>
        services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
}
