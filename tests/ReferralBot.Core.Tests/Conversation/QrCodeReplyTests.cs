using System.Text.Json;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Links;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Core.Tests.Conversation;

public sealed class QrCodeReplyTests
{
    private const string Link = "https://ref.example.sg/r/JANE42?src=qr";

    [Fact]
    public void A_qr_reply_draws_its_png_from_the_text_it_encodes()
    {
        var reply = new QrCodeReply("JANE42.png", "Scan me", Link, "https://ref.example.sg/qr/JANE42.png");

        Assert.Equal(QrCodeRenderer.Png(Link), reply.Png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], reply.Png[..4]);
        Assert.Same(reply.Png, reply.Png);
    }

    [Fact]
    public void A_stored_qr_reply_keeps_its_text_not_its_bytes_and_draws_the_same_picture_when_read_back()
    {
        var reply = new QrCodeReply("JANE42.png", "Scan me", Link, "https://ref.example.sg/qr/JANE42.png");

        var json = JsonSerializer.Serialize<IReadOnlyList<Reply>>([reply], Outbox.Json);
        var read = Assert.IsType<QrCodeReply>(Assert.Single(JsonSerializer.Deserialize<List<Reply>>(json, Outbox.Json)!));

        Assert.DoesNotContain("\"png\"", json, StringComparison.Ordinal);
        Assert.Equal(reply.EncodedText, read.EncodedText);
        Assert.Equal(QrCodeRenderer.Png(Link), read.Png);
    }

    [Fact]
    public void A_qr_reply_stored_with_its_bytes_by_an_earlier_version_still_reads()
    {
        var json = $$"""[{"kind":"qr","png":"AAEC","fileName":"JANE42.png","captionHtml":null,"encodedText":"{{Link}}","imageUrl":"https://ref.example.sg/qr/JANE42.png"}]""";

        var read = Assert.IsType<QrCodeReply>(Assert.Single(JsonSerializer.Deserialize<List<Reply>>(json, Outbox.Json)!));

        Assert.Equal(QrCodeRenderer.Png(Link), read.Png);
    }

    [Fact]
    public void A_chart_keeps_the_bytes_it_was_given()
    {
        var chart = new ImageReply([1, 2, 3], "report.png", null);

        var read = Assert.IsType<ImageReply>(Assert.Single(JsonSerializer.Deserialize<List<Reply>>(JsonSerializer.Serialize<IReadOnlyList<Reply>>([chart], Outbox.Json), Outbox.Json)!));

        Assert.Equal([1, 2, 3], read.Png);
    }
}
