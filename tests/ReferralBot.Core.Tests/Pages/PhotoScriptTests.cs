using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Pages;
using ReferralBot.Core.Tests.Support;
using ReferralBot.Testing;
using SkiaSharp;

namespace ReferralBot.Core.Tests.Pages;

public sealed class PhotoScriptTests
{
    [Fact]
    public async Task A_photo_sent_with_photo_as_its_caption_goes_on_the_page()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("amy", "/start");

        var said = await chat.SendPhotoAsync("amy", TestPictures.NoisyJpeg(800, 800), "/photo");

        Assert.StartsWith("✅ Your page and link previews show this photo now.", said.Text, StringComparison.Ordinal);
        var photo = await chat.DbAsync(db => db.Set<PersonPhoto>().SingleAsync());
        Assert.Equal(PhotoOrigin.Sent, photo.Origin);
        Assert.Equal(PhotoImage.Size, TestPictures.Read(photo.Jpeg!).Width);
    }

    [Fact]
    public async Task After_photo_the_next_picture_is_taken_and_one_nobody_asked_for_is_not()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("ben", "/start");

        var unasked = await chat.SendPhotoAsync("ben", TestPictures.NoisyJpeg(400, 400));
        Assert.StartsWith("Nice picture! To put it on your page, send /photo", unasked.Text, StringComparison.Ordinal);
        Assert.Equal(0, await chat.CountAsync<PersonPhoto>());

        var asked = await chat.SendAsync("ben", "/photo");
        Assert.StartsWith("📸 Send me the photo for your page now", asked.Text, StringComparison.Ordinal);
        var taken = await chat.SendPhotoAsync("ben", TestPictures.NoisyJpeg(400, 400));
        Assert.StartsWith("✅ Your page and link previews show this photo now.", taken.Text, StringComparison.Ordinal);

        // Asked once, taken once: the next picture is a picture again.
        Assert.StartsWith("Nice picture!", (await chat.SendPhotoAsync("ben", TestPictures.NoisyJpeg(400, 400, seed: 2))).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_a_photo_lapses()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("cai", "/start");
        await chat.SendAsync("cai", "/photo");

        chat.Time.Advance(PhotoCommand.RequestLifetime + TimeSpan.FromSeconds(1));

        Assert.StartsWith("Nice picture!", (await chat.SendPhotoAsync("cai", TestPictures.NoisyJpeg(400, 400))).Text, StringComparison.Ordinal);
        Assert.Equal(0, await chat.CountAsync<PersonPhoto>());
    }

    [Fact]
    public async Task Something_that_is_not_a_picture_is_refused_and_changes_nothing()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("dev", "/start");

        var said = await chat.SendPhotoAsync("dev", [1, 2, 3], "/photo");

        Assert.Equal("I couldn't use that as a photo: send a JPEG or PNG picture at least 64 pixels wide and tall. Nothing was changed.", said.Text);
        Assert.Equal(0, await chat.CountAsync<PersonPhoto>());
    }

    [Fact]
    public async Task Photo_off_shows_none_and_photo_profile_goes_back_to_the_profile_picture()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("eva", "/start");
        await chat.SendPhotoAsync("eva", TestPictures.Png(200, 200, SKColors.Teal), "/photo");

        Assert.StartsWith("Done: your page shows no photo now", (await chat.SendAsync("eva", "/photo off")).Text, StringComparison.Ordinal);
        var none = await chat.DbAsync(db => db.Set<PersonPhoto>().SingleAsync());
        Assert.Equal((PhotoOrigin.Sent, null), (none.Origin, none.Jpeg));

        Assert.StartsWith("Done: your page shows your profile picture again", (await chat.SendAsync("eva", "/photo profile")).Text, StringComparison.Ordinal);
        Assert.Equal(0, await chat.CountAsync<PersonPhoto>());
    }

    [Fact]
    public async Task Someone_without_a_code_is_told_to_start_first()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendPhotoAsync("fay", TestPictures.NoisyJpeg(400, 400), "/photo");

        Assert.Equal("You don't have a code yet. Send /start to get one.", said.Text);
        Assert.Equal(0, await chat.CountAsync<PersonPhoto>());
    }

    [Fact]
    public async Task Forgetting_me_erases_my_photo()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("gus", "/start");
        await chat.SendPhotoAsync("gus", TestPictures.NoisyJpeg(400, 400), "/photo");

        await chat.SendAsync("gus", "/forget yes");

        Assert.Equal(0, await chat.CountAsync<PersonPhoto>());
    }
}
