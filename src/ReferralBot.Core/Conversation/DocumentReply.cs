namespace ReferralBot.Core.Conversation;

/// <summary>A file to download, such as a CSV export.</summary>
public sealed record DocumentReply(byte[] Content, string FileName, string MediaType, string? CaptionHtml) : Reply;
