namespace ReferralBot.Core.Payouts;

/// <summary>One payout as its member sees it: the reference, how much, where to, and whether it was paid (when) or is on its way.</summary>
public sealed record PayoutLineView(string Reference, decimal Amount, string Masked, bool Paid, DateTime MadeAt, DateTime? PaidAt);
