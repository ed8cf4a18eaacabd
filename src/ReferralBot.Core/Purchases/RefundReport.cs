namespace ReferralBot.Core.Purchases;

/// <summary>A refund as the shop (or an admin) reports it: always of a whole order.</summary>
public sealed record RefundReport(string OrderId, DateTime OccurredAt, string? Reason, string ReportedBy);
