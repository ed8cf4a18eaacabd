namespace ReferralBot.Core.Inbound;

/// <summary>An update a channel delivered (Telegram's update_id); its unique key makes a redelivery a no-op.</summary>
public sealed class InboundReceipt
{
    public long Id { get; private set; }
    public required string Channel { get; init; }
    public required string ExternalId { get; init; }
    public DateTime ReceivedAt { get; init; }
}
