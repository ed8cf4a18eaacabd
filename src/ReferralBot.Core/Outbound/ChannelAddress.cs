namespace ReferralBot.Core.Outbound;

/// <summary>
/// What a channel needs to write to a chat on its own later (for Bot Framework: the conversation reference with
/// its service URL), kept per channel and chat as the channel's own JSON. The core stores it and never reads it.
/// </summary>
public sealed class ChannelAddress
{
    public required string Channel { get; init; }
    public required string ChatId { get; init; }
    public required string Details { get; set; }
    public DateTime UpdatedAt { get; set; }
}
