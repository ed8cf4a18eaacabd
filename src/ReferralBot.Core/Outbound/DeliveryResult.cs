namespace ReferralBot.Core.Outbound;

public enum DeliveryResult
{
    Delivered,

    /// <summary>The person blocked the bot or is gone: nothing more is sent to them.</summary>
    Unreachable,

    /// <summary>Could not be delivered now; worth trying again later.</summary>
    Failed,
}
