namespace ReferralBot.Core.Payouts;

/// <summary>
/// Where a person wants their money sent (<c>/payto</c>), one per person for every campaign. The details are sealed with
/// Data Protection (<see cref="PayoutDetailsVault"/>); <see cref="Masked"/> is all that is stored in the clear.
/// </summary>
public sealed class PayoutAccount
{
    public int PersonId { get; init; }
    public PayoutMethod Method { get; set; }
    public required string Sealed { get; set; }
    public required string Masked { get; set; }
    public DateTime UpdatedAt { get; set; }
}
