using QRCoder;
using SkiaSharp;

namespace ReferralBot.Core.Pages;

/// <summary>
/// The 1200×630 picture a messenger shows under a shared link (Open Graph's <c>og:image</c>): the owner's photo and
/// who invites you on the left; the campaign, the offer, the code and its QR on the right.
/// </summary>
public static class ShareCard
{
    public const int Width = 1200;
    public const int Height = 630;

    private static readonly SKColor Ink = new(0x1d, 0x1d, 0x1f);
    private static readonly SKColor Muted = new(0x5f, 0x5f, 0x6b);
    private static readonly SKColor Accent = new(0x6b, 0x4f, 0xbb);
    private static readonly SKColor Offer = new(0xb3, 0x26, 0x1e);

    public static byte[] Png(ShareCardContent card)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        using (var background = new SKPaint())
        {
            background.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0), new SKPoint(Width, Height), [new SKColor(0xfd, 0xf2, 0xf0), new SKColor(0xf3, 0xf0, 0xfd)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, Width, Height, background);
        }

        DrawPortrait(canvas, card, new SKPoint(250, 250), 170);
        CardText.DrawCentered(canvas, card.Byline, new SKRect(40, 450, 460, 560), 36, bold: true, Ink, maxLines: 2);

        var right = new SKRect(500, 70, 1140, 0);
        var y = CardText.Draw(canvas, card.Campaign.ToUpperInvariant(), right with { Top = 70, Bottom = 120 }, 30, bold: true, Muted, maxLines: 1);
        CardText.DrawFitted(canvas, card.Headline, new SKRect(500, y + 20, 1140, 370), 76, 40, Offer, maxLines: 3);
        DrawCode(canvas, card, new SKRect(500, 410, 890, 560));
        DrawQr(canvas, card.QrText, new SKRect(930, 380, 1140, 590));

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawPortrait(SKCanvas canvas, ShareCardContent card, SKPoint centre, float radius)
    {
        using var ring = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawCircle(centre, radius + 8, ring);
        using var photo = card.Photo is { } jpeg ? SKImage.FromEncodedData(jpeg) : null;
        if (photo is null)
        {
            using var fill = new SKPaint { Color = Accent, IsAntialias = true };
            canvas.DrawCircle(centre, radius, fill);
            CardText.DrawCentered(canvas, card.Initials, SKRect.Create(centre.X - radius, centre.Y - 60, radius * 2, 120), 110, bold: true, SKColors.White, maxLines: 1);
            return;
        }

        canvas.Save();
        using var clip = new SKPath();
        clip.AddCircle(centre.X, centre.Y, radius);
        canvas.ClipPath(clip, antialias: true);
        canvas.DrawImage(photo, SKRect.Create(centre.X - radius, centre.Y - radius, radius * 2, radius * 2), new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Restore();
    }

    private static void DrawCode(SKCanvas canvas, ShareCardContent card, SKRect box)
    {
        using var fill = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawRoundRect(box, 24, 24, fill);
        using var border = new SKPaint
        {
            Color = Accent, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 4,
            PathEffect = SKPathEffect.CreateDash([16, 10], 0),
        };
        canvas.DrawRoundRect(box, 24, 24, border);
        CardText.DrawCentered(canvas, card.CodeLabel, box with { Top = box.Top + 14, Bottom = box.Top + 54 }, 28, bold: false, Muted, maxLines: 1);
        CardText.DrawFitted(canvas, card.Code, box with { Left = box.Left + 20, Right = box.Right - 20, Top = box.Top + 58, Bottom = box.Bottom - 14 }, 64, 30, Ink, maxLines: 1, centred: true, monospace: true);
    }

    private static void DrawQr(SKCanvas canvas, string text, SKRect box)
    {
        using var fill = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawRoundRect(box, 16, 16, fill);
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var qr = SKImage.FromEncodedData(new PngByteQRCode(data).GetGraphic(4, drawQuietZones: false));
        var inner = SKRect.Inflate(box, -16, -16);
        canvas.DrawImage(qr, inner, new SKSamplingOptions(SKFilterMode.Nearest));
    }
}
