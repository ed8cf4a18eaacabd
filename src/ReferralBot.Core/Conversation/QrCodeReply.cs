namespace ReferralBot.Core.Conversation;

/// <summary>
/// A QR code: the PNG, the text it encodes (a terminal can draw it from that) and its public image URL
/// (for channels that show images by link).
/// </summary>
public sealed record QrCodeReply(byte[] Png, string FileName, string? CaptionHtml, string EncodedText, string ImageUrl)
    : ImageReply(Png, FileName, CaptionHtml);
