using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>
/// Pictures people send and show: getFile, getUserProfilePhotos and the file downloads
/// (<c>/file/bot{token}/{file_path}</c>). A photo is offered in two sizes, as Telegram offers several.
/// </summary>
internal sealed class FileMethods(BotState state)
{
    private readonly ConcurrentDictionary<string, (string Path, byte[] Bytes)> downloads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, JsonArray> profiles = new();

    /// <summary>The sizes of a photo as a message or a profile carries them; each size downloads as <paramref name="bytes"/>.</summary>
    public JsonArray PhotoSizes(byte[] bytes, int width, int height)
    {
        var sizes = new JsonArray();
        foreach (var scale in new[] { 4, 1 })
        {
            var number = state.NextFileNumber();
            var fileId = $"AgACAgphoto{number:D6}";
            downloads[fileId] = ($"photos/file_{number}.jpg", bytes);
            sizes.Add(new JsonObject
            {
                ["file_id"] = fileId, ["file_unique_id"] = $"uq{number}", ["width"] = width / scale, ["height"] = height / scale,
                ["file_size"] = bytes.Length,
            });
        }

        return sizes;
    }

    public void SetProfilePhoto(long userId, byte[]? bytes, int width, int height)
    {
        if (bytes is null) profiles.TryRemove(userId, out _);
        else profiles[userId] = PhotoSizes(bytes, width, height);
    }

    public BotApiAnswer GetFile(BotApiCall call)
    {
        if (call["file_id"] is not { Length: > 0 } fileId) return BotApiAnswer.BadRequest("parameter \"file_id\" is required");
        if (!downloads.TryGetValue(fileId, out var file)) return BotApiAnswer.BadRequest("invalid file_id");
        return BotApiAnswer.Ok(new JsonObject
        {
            ["file_id"] = fileId, ["file_unique_id"] = "uq" + fileId, ["file_size"] = file.Bytes.Length, ["file_path"] = file.Path,
        });
    }

    public BotApiAnswer GetUserProfilePhotos(BotApiCall call)
    {
        if (call.Long("user_id") is not { } userId) return BotApiAnswer.BadRequest("parameter \"user_id\" is required");
        var photos = profiles.TryGetValue(userId, out var sizes) ? new JsonArray(sizes.DeepClone()) : [];
        return BotApiAnswer.Ok(new JsonObject { ["total_count"] = photos.Count, ["photos"] = photos });
    }

    /// <summary>The bytes at a file_path getFile gave; null for any other path.</summary>
    public byte[]? Download(string path) => downloads.Values.FirstOrDefault(d => d.Path == path).Bytes;
}
