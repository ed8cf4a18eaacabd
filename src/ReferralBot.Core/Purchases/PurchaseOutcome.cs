namespace ReferralBot.Core.Purchases;

/// <summary>
/// The answer to a reported purchase: the recording (new, or the first one for a replay), or a refusal that recorded
/// nothing, naming the field and the problem.
/// </summary>
public sealed record PurchaseOutcome(PurchaseSummary? Summary, bool IsNew, string? RefusedField = null, string? Refusal = null)
{
    public static PurchaseOutcome Refused(string field, string problem) => new(null, false, field, problem);
}
