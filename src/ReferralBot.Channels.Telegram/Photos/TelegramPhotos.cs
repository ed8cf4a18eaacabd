using ReferralBot.Core.Pages;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ReferralBot.Channels.Telegram.Photos;

/// <summary>Telegram offers each photo in several sizes; the page needs one a little larger than it shows.</summary>
internal static class TelegramPhotos
{
    public const int MessagePhotoSide = 1280;
    public const int ProfilePhotoSide = 640;

    /// <summary>The largest size no wider or taller than <paramref name="maxSide"/>, else the smallest there is.</summary>
    public static PhotoSize Pick(IReadOnlyList<PhotoSize> sizes, int maxSide) =>
        sizes.Where(s => Math.Max(s.Width, s.Height) <= maxSide).MaxBy(s => s.Width) ?? sizes.MinBy(s => s.Width)!;

    /// <summary>The photo's bytes; empty when it is larger than a picture the service takes.</summary>
    public static async Task<byte[]> DownloadAsync(ITelegramBotClient bot, PhotoSize size, CancellationToken cancellationToken)
    {
        if (size.FileSize > PhotoImage.MaxInputBytes) return [];
        using var bytes = new MemoryStream();
        await bot.GetInfoAndDownloadFile(size.FileId, bytes, cancellationToken);
        return bytes.ToArray();
    }
}
