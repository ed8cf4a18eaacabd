using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Purchases;

/// <summary>Who a purchase is credited to, and why not when it is not.</summary>
public sealed record Attribution(Campaign? Campaign, Member? Referrer, Member? Buyer, string? Code, string? NotCreditedReason)
{
    public bool Credited => Referrer is not null && NotCreditedReason is null;
}
