namespace ReferralBot.Core.Conversation;

/// <summary>A picture with an optional caption (HTML subset, like <see cref="TextReply"/>).</summary>
public record ImageReply(byte[] Png, string FileName, string? CaptionHtml) : Reply
{
    public virtual byte[] Png { get; init; } = Png;
}
