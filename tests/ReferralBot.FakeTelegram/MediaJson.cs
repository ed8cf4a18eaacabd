using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>The photo sizes and documents Telegram returns for a sent file: uploaded, or named by file_id or URL.</summary>
internal static class MediaJson
{
    private const int DefaultSide = 320;

    /// <summary>The `photo` array (one PhotoSize) for an uploaded image; a PNG's own width and height are read from it.</summary>
    public static JsonArray Photo(string fileId, UploadedPart upload)
    {
        var (width, height) = PngSize(upload.Bytes) ?? (DefaultSide, DefaultSide);
        return new JsonArray(new JsonObject
        {
            ["file_id"] = fileId, ["file_unique_id"] = UniqueId(upload.Bytes), ["width"] = width, ["height"] = height,
            ["file_size"] = upload.Bytes.Length,
        });
    }

    /// <summary>A photo named by a file_id the fake never issued, or by URL: its size is unknown.</summary>
    public static JsonArray Photo(string fileId) => new(new JsonObject
    {
        ["file_id"] = fileId, ["file_unique_id"] = "u-" + fileId, ["width"] = DefaultSide, ["height"] = DefaultSide,
    });

    public static JsonObject Document(string fileId, UploadedPart upload) => new()
    {
        ["file_id"] = fileId, ["file_unique_id"] = UniqueId(upload.Bytes), ["file_name"] = upload.FileName,
        ["mime_type"] = MimeType(upload), ["file_size"] = upload.Bytes.Length,
    };

    public static JsonObject Document(string fileId) => new() { ["file_id"] = fileId, ["file_unique_id"] = "u-" + fileId };

    // Telegram's file_unique_id is the same for the same file, whoever sends it.
    private static string UniqueId(byte[] bytes) => "AQAD" + Convert.ToHexString(SHA256.HashData(bytes))[..16];

    private static (int Width, int Height)? PngSize(byte[] bytes)
    {
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (bytes.Length < 24 || !bytes.AsSpan(0, 8).SequenceEqual(signature)) return null;
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    private static string MimeType(UploadedPart upload)
    {
        if (upload.ContentType is { Length: > 0 } type && type != "application/octet-stream") return type;
        return Path.GetExtension(upload.FileName).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".pdf" => "application/pdf",
            ".csv" => "text/csv",
            ".txt" => "text/plain",
            ".json" => "application/json",
            ".zip" => "application/zip",
            _ => "application/octet-stream",
        };
    }
}
