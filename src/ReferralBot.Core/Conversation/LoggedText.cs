using System.Globalization;
using System.Text;

namespace ReferralBot.Core.Conversation;

/// <summary>
/// Text from a chat user made safe for a log line: control characters (newlines, ANSI escapes, bidi overrides) are
/// written as <c>\uXXXX</c> so they cannot move the operator's terminal or forge a log line, and it is cut to
/// <see cref="MaxLength"/> characters.
/// </summary>
public static class LoggedText
{
    public const int MaxLength = 80;

    // Commands whose arguments are someone's private details (where their money goes): never written to a log.
    private static readonly HashSet<string> PrivateArguments = new(StringComparer.Ordinal) { "payto" };

    /// <summary>A whole chat message: as <see cref="Of"/>, but a command with private arguments shows only its name.</summary>
    public static string OfMessage(string? text) =>
        CommandLine.Parse(text) is { Arguments.Count: > 0 } line && PrivateArguments.Contains(line.Name) ? $"/{line.Name} (details withheld)" : Of(text);

    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var cut = text.Length > MaxLength;
        var span = cut ? text.AsSpan(0, MaxLength) : text.AsSpan();
        if (!cut && !NeedsEscape(span)) return text;

        var builder = new StringBuilder(span.Length + 16);
        foreach (var c in span)
        {
            if (IsUnsafe(c)) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }

        return cut ? builder.Append('…').ToString() : builder.ToString();
    }

    private static bool NeedsEscape(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (IsUnsafe(c)) return true;
        return false;
    }

    // Controls (C0, DEL, C1), and the format characters that reorder or hide text (bidi overrides, zero-width).
    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
