using System.Text.Json.Serialization;

namespace ReferralBot.Core.Conversation;

/// <summary>
/// Something the bot says back. Text is formatted with a small HTML subset (b, i, u, s, code, pre, a href)
/// in which everything user-provided is already escaped; each channel renders it its own way.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TextReply), "text")]
[JsonDerivedType(typeof(ImageReply), "image")]
[JsonDerivedType(typeof(QrCodeReply), "qr")]
[JsonDerivedType(typeof(DocumentReply), "document")]
public abstract record Reply;
