using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Purchases;

/// <summary>Who a purchase is credited to, and why not when it is not; <paramref name="ClaimedAt"/>: when the buyer claimed their referrer's code.</summary>
public sealed record Attribution(Campaign? Campaign, Member? Referrer, Member? Buyer, string? Code, string? NotCreditedReason, DateTime? ClaimedAt = null)
{
    public bool Credited => Referrer is not null && NotCreditedReason is null;
}
