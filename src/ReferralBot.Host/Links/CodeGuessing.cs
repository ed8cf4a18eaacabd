using Microsoft.AspNetCore.Http.HttpResults;
using ReferralBot.Core.Limits;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Host.Links;

/// <summary>
/// Guessing codes on the web links: an address that asked for more than <c>Limits:UnknownCodesPerAddressPerMinute</c>
/// codes that do not exist gets 429 (with Retry-After) for every code until its minute has passed, so the links cannot
/// be walked to find the codes that do. Addresses are the connection's (behind a proxy, configure forwarded headers).
/// </summary>
internal static class CodeGuessing
{
    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The seconds to wait when the address is out of tries; null when it may ask.</summary>
    public static int? Refused(HttpContext http, AbuseLimits limits)
    {
        if (limits.UnknownCodes.WaitFor(Address(http)) is not { } wait) return null;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>The page a person's browser shows for a refused link.</summary>
    public static async Task<ContentHttpResult> PageAsync(PromptRenderer prompts, string language) =>
        TypedResults.Content(await prompts.RenderAsync(PromptName.TooManyUnknownCodes, null, language), "text/html; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);

    public static ProblemHttpResult Problem(int seconds) =>
        TypedResults.Problem($"Too many unknown codes from this address: try again in {seconds} seconds.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many tries");

    /// <summary>Counts an unknown code against the address.</summary>
    public static void Missed(HttpContext http, AbuseLimits limits) => limits.UnknownCodes.AttemptAcquire(Address(http)).Dispose();
}
