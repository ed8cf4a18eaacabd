namespace ReferralBot.Core.Conversation;

/// <summary>
/// What a channel adapter hands the core: one message or button press, channel-neutral.
/// A button press carries the command line its button stands for in <see cref="Text"/>.
/// </summary>
public sealed record InboundMessage(string Channel, string ChatId, string UserId, string DisplayName, string Text)
{
    public string? Username { get; init; }

    /// <summary>
    /// IETF language tag the person's client reports (<c>en</c>, <c>zh-hans</c>, <c>id-ID</c>); empty when it reports
    /// none, and then, as for a language the bot does not speak, their campaign's language is spoken.
    /// </summary>
    public string Locale { get; init; } = "en";

    public bool IsPrivateChat { get; init; } = true;

    public bool IsButtonPress { get; init; }

    /// <summary>
    /// A picture sent with the message, as the channel downloaded it (its largest size up to about 1,280 pixels);
    /// <see cref="Text"/> is then its caption, often empty.
    /// </summary>
    public byte[]? Photo { get; init; }

    /// <summary>
    /// The channel's id for this delivery (Telegram's update_id), when it may deliver it again: a second delivery
    /// with the same id changes nothing. Null for a channel that never redelivers (the terminal).
    /// </summary>
    public string? DeliveryId { get; init; }
}
