using System.Text.Json.Serialization;
using ReferralBot.Core.Links;

namespace ReferralBot.Core.Conversation;

/// <summary>
/// A QR code: the text it encodes, its public image URL (for channels that show images by link) and the PNG, drawn
/// from the text only when a channel sends it. Replies wait in Telegram's queue at 30 messages/s, so a burst of
/// sign-ups does not pay for pictures at the rate they arrive, and a stored QR reply is its text, not its bytes.
/// </summary>
public sealed record QrCodeReply(string FileName, string? CaptionHtml, string EncodedText, string ImageUrl)
    : ImageReply([], FileName, CaptionHtml)
{
    private byte[]? png;

    [JsonIgnore]
    public override byte[] Png
    {
        get => png ??= QrCodeRenderer.Png(EncodedText);
        init => png = value is [] ? null : value;
    }
}
