using System.Globalization;
using ReferralBot.Channels.Telegram.Setup;
using ReferralBot.Core.Pages;
using Telegram.Bot;

namespace ReferralBot.Channels.Telegram.Photos;

/// <summary>A Telegram user's current profile picture (getUserProfilePhotos), for their landing page.</summary>
internal sealed class TelegramProfilePhotos(ITelegramBotClient bot) : IProfilePhotoSource
{
    public string Channel => TelegramOptions.ChannelName;

    public async Task<byte[]?> FetchAsync(string userId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var photos = await bot.GetUserProfilePhotos(id, limit: 1, cancellationToken: cancellationToken);
        return photos.Photos is [{ Length: > 0 } newest, ..]
            ? await TelegramPhotos.DownloadAsync(bot, TelegramPhotos.Pick(newest, TelegramPhotos.ProfilePhotoSide), cancellationToken)
            : null;
    }
}
