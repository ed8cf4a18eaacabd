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

    /// <summary>A simple drawn portrait (head and shoulders on a pastel background), as a JPEG: a photo for screenshots.</summary>
    public static byte[] Portrait(int side = 640)
    {
        using var surface = SKSurface.Create(new SKImageInfo(side, side));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xf6, 0xd8, 0xd0));
        using var shirt = new SKPaint { Color = new SKColor(0x6b, 0x4f, 0xbb), IsAntialias = true };
        using var skin = new SKPaint { Color = new SKColor(0xe8, 0xb9, 0x96), IsAntialias = true };
        using var hair = new SKPaint { Color = new SKColor(0x2b, 0x1d, 0x16), IsAntialias = true };
        canvas.DrawOval(side / 2f, side * 1.02f, side * 0.42f, side * 0.36f, shirt);
        canvas.DrawCircle(side / 2f, side * 0.42f, side * 0.24f, hair);
        canvas.DrawOval(side / 2f, side * 0.47f, side * 0.18f, side * 0.22f, skin);
        using var image = surface.Snapshot();
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    /// <summary>The size and centre colour of an encoded picture.</summary>
    public static (int Width, int Height, SKColor Centre) Read(byte[] encoded)
    {
        using var bitmap = SKBitmap.Decode(encoded) ?? throw new InvalidOperationException("Not a picture");
        return (bitmap.Width, bitmap.Height, bitmap.GetPixel(bitmap.Width / 2, bitmap.Height / 2));
    }
}
