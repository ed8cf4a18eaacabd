using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ReferralBot.FakeTelegram;
using ReferralBot.Telegram.Tests.Support;
using ReferralBot.Testing;

namespace ReferralBot.Telegram.Tests.Flows;

/// <summary>Photos for landing pages through the real Telegram.Bot client: sent in chat, and fetched from profiles.</summary>
public sealed partial class PhotoFlowTests(PhotoFlowTests.Service service) : IClassFixture<PhotoFlowTests.Service>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public sealed class Service() : ConnectedBot(null, "/campaign set glow-serum page on");

    private FakeBotApi Telegram => service.Telegram;

    [Fact]
    public async Task A_photo_sent_with_photo_as_its_caption_is_downloaded_and_shown_on_the_page()
    {
        Telegram.SendText(2001, "/start", firstName: "Mei");
        var code = Code().Match((await Telegram.WaitForSendsToAsync(2001, 2, Wait))[0].Parameters["text"]).Groups[1].Value;

        Telegram.SendPhoto(2001, TestPictures.NoisyJpeg(1280, 960), 1280, 960, caption: "/photo", firstName: "Mei");
        var said = await Telegram.WaitForSendsToAsync(2001, 3, Wait);

        Assert.Contains("show this photo now", said[2].Parameters["text"]);
        Assert.Contains(Telegram.CallsTo("download"), c => c.Succeeded);
        var page = await PageAsync(code);
        Assert.Matches($"<img class=\"photo\" src=\"https://ref.example.sg/p/{code}/photo.jpg\\?v=\\d+\" alt=\"Mei\"", page);
    }

    [Fact]
    public async Task Without_a_photo_of_their_own_the_page_shows_their_profile_picture_fetched_once()
    {
        Telegram.SetProfilePhoto(2002, TestPictures.NoisyJpeg(640, 640));
        Telegram.SendText(2002, "/start", firstName: "Raj");
        var code = Code().Match((await Telegram.WaitForSendsToAsync(2002, 2, Wait))[0].Parameters["text"]).Groups[1].Value;

        var first = await PageAsync(code);
        var second = await PageAsync(code);

        Assert.Matches($"<img class=\"photo\" src=\"https://ref.example.sg/p/{code}/photo.jpg\\?v=\\d+\" alt=\"Raj\"", first);
        Assert.Equal(first, second);
        Assert.Single(Telegram.CallsTo("getUserProfilePhotos"), c => c.Parameters["user_id"] == "2002");
    }

    [Fact]
    public async Task Someone_without_a_profile_picture_gets_their_initials()
    {
        Telegram.SendText(2003, "/start", firstName: "Siti", lastName: "Aminah");
        var code = Code().Match((await Telegram.WaitForSendsToAsync(2003, 2, Wait))[0].Parameters["text"]).Groups[1].Value;

        var page = await PageAsync(code);

        Assert.Contains("<div class=\"photo initials\" aria-hidden=\"true\">SA</div>", page);
        Assert.Single(Telegram.CallsTo("getUserProfilePhotos"), c => c.Parameters["user_id"] == "2003");
    }

    private async Task<string> PageAsync(string code)
    {
        using var browser = service.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await browser.GetAsync($"/p/{code}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("Your code: <b>([A-Z0-9]+)</b>")]
    private static partial Regex Code();
}
