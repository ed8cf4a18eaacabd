using QRCoder;

namespace ReferralBot.Core.Links;

/// <summary>QR codes of web links, as PNG for images and as block characters for a terminal.</summary>
public static class QrCodeRenderer
{
    private const int PixelsPerModule = 10;

    public static byte[] Png(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }

    public static string Ascii(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new AsciiQRCode(data).GetGraphicSmall();
    }
}
