using SkiaSharp;

namespace ReferralBot.Core.Pages;

/// <summary>
/// Text on the preview card: wrapped at word boundaries into a box, shrunk to fit where asked, and drawn in a face
/// that has the text's characters (a name in Chinese or Tamil falls back to a font the machine has for them).
/// </summary>
internal static class CardText
{
    private const string Sans = "DejaVu Sans";
    private const string Mono = "DejaVu Sans Mono";

    /// <summary>Draws left-aligned from the box's top; returns the y under the last line.</summary>
    public static float Draw(SKCanvas canvas, string text, SKRect box, float size, bool bold, SKColor color, int maxLines) =>
        DrawLines(canvas, text, box, size, bold, color, maxLines, centred: false, monospace: false);

    public static float DrawCentered(SKCanvas canvas, string text, SKRect box, float size, bool bold, SKColor color, int maxLines) =>
        DrawLines(canvas, text, box, size, bold, color, maxLines, centred: true, monospace: false);

    /// <summary>The largest size from <paramref name="size"/> down to <paramref name="minSize"/> at which the text fits the box.</summary>
    public static float DrawFitted(
        SKCanvas canvas, string text, SKRect box, float size, float minSize, SKColor color, int maxLines, bool centred = false, bool monospace = false)
    {
        for (; size > minSize; size -= 4)
        {
            using var font = Font(text, size, bold: true, monospace);
            var lines = Wrap(text, font, box.Width);
            if (lines.Count <= maxLines && lines.Count * size * 1.2f <= box.Height && lines.All(l => font.MeasureText(l) <= box.Width)) break;
        }

        return DrawLines(canvas, text, box, size, bold: true, color, maxLines, centred, monospace);
    }

    private static float DrawLines(SKCanvas canvas, string text, SKRect box, float size, bool bold, SKColor color, int maxLines, bool centred, bool monospace)
    {
        using var font = Font(text, size, bold, monospace);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        var lines = Wrap(text, font, box.Width);
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = Ellipsis(lines[^1], font, box.Width);
        }

        var lineHeight = size * 1.2f;
        var y = box.Top + size;
        foreach (var line in lines)
        {
            var x = centred ? box.MidX - font.MeasureText(line) / 2 : box.Left;
            canvas.DrawText(line, x, y, SKTextAlign.Left, font, paint);
            y += lineHeight;
        }

        return y - lineHeight + size * 0.3f;
    }

    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0) lines.Add(line);
        return lines;
    }

    private static string Ellipsis(string line, SKFont font, float width)
    {
        while (line.Length > 1 && font.MeasureText(line + "…") > width) line = line[..^1];
        return line.TrimEnd() + "…";
    }

    private static SKFont Font(string text, float size, bool bold, bool monospace)
    {
        var style = bold ? SKFontStyle.Bold : SKFontStyle.Normal;
        var typeface = SKFontManager.Default.MatchFamily(monospace ? Mono : Sans, style) ?? SKTypeface.Default;
        if (!typeface.ContainsGlyphs(text) && FirstMissing(typeface, text) is { } missing && Covering(missing, style) is { } fallback)
            typeface = fallback;
        return new SKFont(typeface, size) { Edging = SKFontEdging.SubpixelAntialias, Subpixel = true };
    }

    // The first installed family with the character. Skia's own character matching needs fontconfig, which the
    // self-contained native library leaves out, so the families are asked one by one.
    private static SKTypeface? Covering(int codepoint, SKFontStyle style) =>
        SKFontManager.Default.FontFamilies.Select(family => SKFontManager.Default.MatchFamily(family, style))
            .FirstOrDefault(face => face is not null && face.ContainsGlyph(codepoint));

    private static int? FirstMissing(SKTypeface typeface, string text)
    {
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            if (char.IsSurrogate(text, i) && !char.IsSurrogatePair(text, i)) continue;
            var codepoint = char.ConvertToUtf32(text, i);
            if (!char.IsWhiteSpace(text, i) && !typeface.ContainsGlyph(codepoint)) return codepoint;
        }

        return null;
    }
}
