namespace ReferralBot.Core.Purchases;

/// <summary>The answer to a reported refund: the purchase with its refund, or null for an order we never recorded.</summary>
public sealed record RefundOutcome(PurchaseSummary? Summary, bool IsNew);
