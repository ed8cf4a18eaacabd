namespace ReferralBot.Core.Rewards;

/// <summary>
/// One group of a member's ledger entries, summed by the database: a kind, originals or reversals, past their hold or
/// not, and whether a review case holds them.
/// </summary>
internal sealed record LedgerSum(int MemberId, LedgerKind Kind, bool Reversal, bool Matured, decimal Amount, int Count, bool Held = false);
