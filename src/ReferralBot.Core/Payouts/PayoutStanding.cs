namespace ReferralBot.Core.Payouts;

/// <summary>Who in a campaign can be paid now, who could but left no details, who is below the minimum, who owes back.</summary>
public sealed record PayoutStanding(IReadOnlyList<PayoutCandidate> Candidates, decimal Minimum)
{
    /// <summary>At or above the minimum with details on file: the next batch.</summary>
    public IReadOnlyList<PayoutCandidate> Ready => Due.Where(c => c.Account is not null).ToList();

    /// <summary>At or above the minimum, but nowhere to send it.</summary>
    public IReadOnlyList<PayoutCandidate> MissingDetails => Due.Where(c => c.Account is null).ToList();

    public IReadOnlyList<PayoutCandidate> BelowMinimum => Candidates.Where(c => c.Money.Payable > 0m && c.Money.Payable < Minimum).ToList();

    public IReadOnlyList<PayoutCandidate> OwingBack => Candidates.Where(c => c.Money.OwedBack > 0m).ToList();

    private IEnumerable<PayoutCandidate> Due => Candidates.Where(c => c.Money.Payable > 0m && c.Money.Payable >= Minimum);
}
