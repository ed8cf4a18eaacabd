namespace ReferralBot.Core.Purchases;

/// <summary>
/// The answer to a reported purchase: the recording (new, or the first one for a replay), a refusal that recorded
/// nothing (naming the field and the problem), or a replay of a recorded order that says something else
/// (<see cref="Differences"/>, by field), which changes nothing either.
/// </summary>
public sealed record PurchaseOutcome(PurchaseSummary? Summary, bool IsNew, string? RefusedField = null, string? Refusal = null)
{
    /// <summary>For a replay that differs from the recorded order: each field that differs, with both values.</summary>
    public IReadOnlyDictionary<string, string>? Differences { get; init; }

    public bool IsConflict => Differences is { Count: > 0 };

    public static PurchaseOutcome Refused(string field, string problem) => new(null, false, field, problem);

    public static PurchaseOutcome Conflicting(PurchaseSummary recorded, IReadOnlyDictionary<string, string> differences) =>
        new(recorded, false) { Differences = differences };
}
