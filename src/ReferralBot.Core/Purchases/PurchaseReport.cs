namespace ReferralBot.Core.Purchases;

/// <summary>A purchase as the shop (or an admin) reports it, already checked for shape.</summary>
public sealed record PurchaseReport(
    string OrderId,
    decimal Amount,
    string Currency,
    DateTime OccurredAt,
    string? Code,
    string? Reference,
    string? CustomerChannel,
    string? CustomerUserId,
    string ReportedBy,
    decimal? Discount = null,
    string? Source = null);
