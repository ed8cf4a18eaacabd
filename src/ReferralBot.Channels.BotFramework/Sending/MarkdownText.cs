using System.Net;
using System.Text.RegularExpressions;

namespace ReferralBot.Channels.BotFramework.Sending;

/// <summary>The core's replies use a small HTML subset (b, i, code, a); Bot Framework channels read markdown.</summary>
public static partial class MarkdownText
{
    public static string FromHtml(string html)
    {
        var text = Bold().Replace(html, "**$1**");
        text = Italic().Replace(text, "_$1_");
        text = Code().Replace(text, "`$1`");
        text = Link().Replace(text, m => $"[{m.Groups[2].Value}]({WebUtility.HtmlDecode(m.Groups[1].Value)})");
        text = AnyTag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        // A single newline is no break in markdown; two trailing spaces make it one.
        return text.Replace("\n", "  \n", StringComparison.Ordinal);
    }

    [GeneratedRegex("<(?:b|strong)>(.*?)</(?:b|strong)>", RegexOptions.Singleline)]
    private static partial Regex Bold();

    [GeneratedRegex("<(?:i|em)>(.*?)</(?:i|em)>", RegexOptions.Singleline)]
    private static partial Regex Italic();

    [GeneratedRegex("<code>(.*?)</code>", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex("<a href=\"([^\"]*)\">(.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex AnyTag();
}
