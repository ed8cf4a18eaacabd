namespace ReferralBot.Core.Payouts;

/// <summary>What <c>/payouts run</c> did: the batch (null when nobody was ready), its payout file's rows, and the standing it came from.</summary>
public sealed record PayoutRunResult(PayoutBatch? Batch, IReadOnlyList<PayoutFileRow> Rows, PayoutStanding Standing);
