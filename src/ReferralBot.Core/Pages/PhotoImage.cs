using SkiaSharp;

namespace ReferralBot.Core.Pages;

/// <summary>
/// A person's picture as the page keeps it: the centre square of what they sent, turned upright, scaled down to
/// <see cref="Size"/> pixels and saved as a JPEG small enough that the whole page stays under 50 KB.
/// </summary>
public static class PhotoImage
{
    public const int Size = 360;
    public const int MinSide = 64;
    public const int MaxInputBytes = 10 * 1024 * 1024;
    public const int MaxJpegBytes = 40 * 1024;

    /// <summary>The picture as a square JPEG; null when <paramref name="input"/> is not a picture (or one too small to use).</summary>
    public static byte[]? ToJpeg(byte[] input)
    {
        if (input.Length is 0 or > MaxInputBytes) return null;
        using var codec = SKCodec.Create(new SKMemoryStream(input));
        if (codec is null) return null;
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null) return null;
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var side = Math.Min(upright.Width, upright.Height);
        if (side < MinSide) return null;

        var target = Math.Min(side, Size);
        using var surface = SKSurface.Create(new SKImageInfo(target, target, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White); // a transparent PNG gets a white background, as JPEG has no transparency
        using var image = SKImage.FromBitmap(upright);
        var crop = SKRect.Create((upright.Width - side) / 2f, (upright.Height - side) / 2f, side, side);
        surface.Canvas.DrawImage(image, crop, SKRect.Create(target, target), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        for (var quality = 82; ; quality -= 8)
        {
            using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, quality);
            if (jpeg.Size <= MaxJpegBytes || quality <= 50) return jpeg.ToArray();
        }
    }

    // Phones store a picture as the sensor took it and say in its EXIF data how to turn it.
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        var turned = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        canvas.DrawBitmap(bitmap, 0, 0);
        return turned;
    }
}
