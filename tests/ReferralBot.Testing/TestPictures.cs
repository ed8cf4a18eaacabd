using SkiaSharp;

namespace ReferralBot.Testing;

/// <summary>Pictures as people send them: a camera-sized photo full of detail (the hardest kind to make small), or a flat PNG.</summary>
public static class TestPictures
{
    /// <summary>A JPEG of <paramref name="width"/>×<paramref name="height"/> in random colours: noise that compresses as badly as a photo can.</summary>
    public static byte[] NoisyJpeg(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height);
        var pixels = new SKColor[width * height];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        bitmap.Pixels = pixels;
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    /// <summary>A PNG in one colour, with a white square in its middle (to tell a centred crop from a corner).</summary>
    public static byte[] Png(int width, int height, SKColor colour)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(colour);
        using var white = new SKPaint { Color = SKColors.White };
        var side = Math.Min(width, height) / 4f;
        surface.Canvas.DrawRect(width / 2f - side / 2, height / 2f - side / 2, side, side, white);
        using var image = surface.Snapshot();
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>The size and centre colour of an encoded picture.</summary>
    public static (int Width, int Height, SKColor Centre) Read(byte[] encoded)
    {
        using var bitmap = SKBitmap.Decode(encoded) ?? throw new InvalidOperationException("Not a picture");
        return (bitmap.Width, bitmap.Height, bitmap.GetPixel(bitmap.Width / 2, bitmap.Height / 2));
    }
}
