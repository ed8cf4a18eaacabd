using Microsoft.Extensions.DependencyInjection;
using System.Net;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Links;

public sealed class QrAndHealthTests
{
    [Fact]
    public async Task The_qr_image_is_a_png_that_may_be_cached()
    {
        using var factory = new ReferralBotFactory();
        var code = await factory.CodeOfAsync("jane");

        var response = await factory.CreateClient().GetAsync($"/qr/{code.ToLowerInvariant()}.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.True(png.Length > 500);
        Assert.Contains("max-age=86400", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task The_qr_image_is_the_same_picture_the_chat_sends()
    {
        using var factory = new ReferralBotFactory();
        var code = await factory.CodeOfAsync("jane");
        var gateway = factory.Services.GetRequiredService<ReferralBot.Core.Inbound.InboundPipeline>();
        var replies = (await gateway.HandleAsync(new("test", "jane", "jane", "Jane", "/qr"), CancellationToken.None)).Replies;
        var chatQr = Assert.Single(replies.OfType<ReferralBot.Core.Conversation.QrCodeReply>());

        var png = await factory.CreateClient().GetByteArrayAsync($"/qr/{code}.png");

        Assert.Equal(chatQr.Png, png);
        Assert.Equal($"https://ref.example.sg/qr/{code}.png", chatQr.ImageUrl);
    }

    [Fact]
    public async Task The_qr_image_of_an_unknown_code_is_a_404_problem()
    {
        using var factory = new ReferralBotFactory();

        var response = await factory.CreateClient().GetAsync("/qr/NOSUCH99.png");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("NOSUCH99", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_answers_healthy_when_the_database_does()
    {
        using var factory = new ReferralBotFactory();

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
