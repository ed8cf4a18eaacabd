namespace ReferralBot.Core.Payouts;

/// <summary>Where a member's money goes. Stored by name.</summary>
public enum PayoutMethod
{
    /// <summary>Singapore's PayNow, to a +65 mobile number or a business's UEN.</summary>
    PayNow,

    PayPal,

    /// <summary>A bank transfer: account name, bank and account number.</summary>
    Bank,
}
