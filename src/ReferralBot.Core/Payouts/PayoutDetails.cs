using System.Text.Json.Serialization;

namespace ReferralBot.Core.Payouts;

/// <summary>
/// Where to send someone's money, in the clear: only in memory, in the sealed column (<see cref="PayoutDetailsVault"/>)
/// and in a payout file. <see cref="Masked"/> is what everything else shows.
/// </summary>
/// <param name="Account">The PayNow mobile (+6591234567) or UEN, the PayPal email, or the bank account number.</param>
/// <param name="AccountName">A bank account's holder.</param>
/// <param name="Bank">A bank account's bank.</param>
public sealed record PayoutDetails(PayoutMethod Method, string Account, string? AccountName = null, string? Bank = null)
{
    [JsonIgnore]
    public bool IsPayNowMobile => Method == PayoutMethod.PayNow && Account.StartsWith('+');

    /// <summary>"PayNow …4567", "PayNow UEN …345A", "PayPal j…@example.com", "DBS account …7890".</summary>
    [JsonIgnore]
    public string Masked => Method switch
    {
        PayoutMethod.PayNow when IsPayNowMobile => $"PayNow …{Last(4)}",
        PayoutMethod.PayNow => $"PayNow UEN …{Last(4)}",
        PayoutMethod.PayPal => $"PayPal {Account[0]}…{Account[Account.IndexOf('@')..]}",
        _ => $"{Bank} account …{Last(4)}",
    };

    /// <summary>The method as a payout file names it.</summary>
    [JsonIgnore]
    public string MethodName => Method switch
    {
        PayoutMethod.PayNow when IsPayNowMobile => "paynow-mobile",
        PayoutMethod.PayNow => "paynow-uen",
        PayoutMethod.PayPal => "paypal",
        _ => "bank",
    };

    private string Last(int count) => Account.Length <= count ? Account : Account[^count..];
}
