using System.Globalization;
using System.Text;

namespace ReferralBot.FakeTelegram;

/// <summary>
/// Telegram's HTML parse mode: the plain text a message shows, or the error the Bot API gives for markup it cannot
/// parse ("can't parse entities: …"). Tags must be supported ones, nested and closed; a bare &lt; is an error, a
/// bare &amp; is kept as it is; only &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric entities are decoded.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Supported =
    [
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji",
        "code", "pre", "blockquote",
    ];

    public static (string? Text, string? Error) Parse(string html)
    {
        var text = new StringBuilder(html.Length);
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] == '&')
            {
                i = Entity(html, i, text);
                continue;
            }

            if (html[i] != '<')
            {
                text.Append(html[i++]);
                continue;
            }

            var end = TagEnd(html, i);
            if (end < 0) return (null, $"Unclosed start tag at byte offset {ByteOffset(html, i)}");
            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var name = Name(html, closing ? i + 2 : i + 1);
            if (closing)
            {
                if (open.Count == 0) return (null, $"Unexpected end tag at byte offset {ByteOffset(html, i)}");
                if (open.Peek() != name)
                    return (null, $"Unmatched end tag at byte offset {ByteOffset(html, i)}, expected \"</{open.Peek()}>\", found \"</{name}>\"");
                open.Pop();
            }
            else if (Supported.Contains(name))
            {
                open.Push(name);
            }
            else
            {
                return (null, $"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, i)}");
            }

            i = end + 1;
        }

        return open.Count > 0 ? (null, $"Can't find end tag corresponding to start tag \"{open.Peek()}\"") : (text.ToString(), null);
    }

    private static string Name(string html, int start)
    {
        var end = start;
        while (end < html.Length && !char.IsWhiteSpace(html[end]) && html[end] != '>') end++;
        return html[start..end].ToLowerInvariant();
    }

    // The '>' that ends the tag at start, skipping quoted attribute values.
    private static int TagEnd(string html, int start)
    {
        char? quote = null;
        for (var i = start + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is not null) quote = c == quote ? null : quote;
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return i;
        }

        return -1;
    }

    private static int Entity(string html, int start, StringBuilder text)
    {
        var semicolon = html.IndexOf(';', start);
        var name = semicolon > start && semicolon - start <= 10 ? html[(start + 1)..semicolon] : "";
        var decoded = name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            ['#', 'x' or 'X', .. var hex] when int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) => CodePoint(code),
            ['#', .. var dec] when int.TryParse(dec, NumberStyles.None, CultureInfo.InvariantCulture, out var code) => CodePoint(code),
            _ => null,
        };
        if (decoded is null)
        {
            text.Append('&');
            return start + 1;
        }

        text.Append(decoded);
        return semicolon + 1;
    }

    private static string? CodePoint(int code) => Rune.IsValid(code) ? char.ConvertFromUtf32(code) : null;

    private static int ByteOffset(string html, int index) => Encoding.UTF8.GetByteCount(html.AsSpan(0, index));
}
