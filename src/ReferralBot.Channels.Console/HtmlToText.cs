using System.Net;
using System.Text.RegularExpressions;

namespace ReferralBot.Channels.Console;

/// <summary>The core's HTML subset as terminal text: bold as bold (when colour is on), links as "label (url)".</summary>
internal static partial class HtmlToText
{
    public static string Convert(string html, bool useColor)
    {
        var text = Link().Replace(html, m =>
        {
            var url = WebUtility.HtmlDecode(m.Groups["url"].Value);
            var label = m.Groups["label"].Value;
            return WebUtility.HtmlDecode(label) == url ? label : $"{label} ({url})";
        });
        text = Bold().Replace(text, m => useColor ? $"\u001b[1m{m.Groups[1].Value}\u001b[0m" : m.Groups[1].Value);
        text = AnyTag().Replace(text, "");
        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex("<a\\s+href=\"(?<url>[^\"]*)\"\\s*>(?<label>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex("<b>(.*?)</b>", RegexOptions.Singleline)]
    private static partial Regex Bold();

    [GeneratedRegex("</?[a-z]+(\\s[^>]*)?>")]
    private static partial Regex AnyTag();
}
