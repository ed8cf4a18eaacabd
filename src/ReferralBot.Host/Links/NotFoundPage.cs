using Microsoft.AspNetCore.Http.HttpResults;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Host.Links;

/// <summary>The friendly 404 page of a link whose code is unknown (or whose campaign has ended).</summary>
internal static class NotFoundPage
{
    // No "did you mean" here, unlike the chat: a miss must cost about what a hit costs, and suggesting means trying
    // every near variant against the database, for each made-up code of a flood.
    public static async Task<ContentHttpResult> ForAsync(string code, PromptRenderer prompts, string language)
    {
        var page = await prompts.RenderAsync(PromptName.NotFoundPage, new { Code = code.Length > 40 ? code[..40] : code }, language);
        return TypedResults.Content(page, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }
}
