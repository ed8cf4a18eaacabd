using ReferralBot.Core.Prompts;

namespace ReferralBot.Host.Pages;

/// <summary>The language a web page is written in for the browser asking for it.</summary>
internal static class PageLanguage
{
    /// <summary>
    /// The one picked on the page's switcher (<c>?lang=ms</c>) when the bot speaks it, else the first language of the
    /// browser's <c>Accept-Language</c>, by preference, that the bot speaks, else the fallback.
    /// </summary>
    public static string Of(HttpRequest request, LanguageSet languages)
    {
        if (languages.Match(request.Query["lang"].ToString()) is { } picked) return picked;
        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1); // stable: equal preferences keep the browser's order
        foreach (var tag in accepted)
        {
            if (languages.Match(tag.Value.Value) is { } spoken) return spoken;
        }

        return languages.Fallback;
    }

    /// <summary>Pages differ by the browser's languages: a shared cache must not hand one reader's to another.</summary>
    public static void Varies(HttpResponse response) => response.Headers.Vary = "Accept-Language";
}
