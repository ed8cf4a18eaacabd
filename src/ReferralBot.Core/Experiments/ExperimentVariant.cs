namespace ReferralBot.Core.Experiments;

/// <summary>
/// One version of the tested setting. <see cref="Value"/> is what the setting shows (normalised as the campaign
/// setting stores it); null is the service's own (the prompt file, or the configured delay).
/// </summary>
public sealed class ExperimentVariant
{
    public const string Control = "control";

    public int Id { get; private set; }
    public int ExperimentId { get; init; }
    public required string Label { get; set; }
    public string? Value { get; set; }

    /// <summary>Its share of the split (50/50 is 50 and 50).</summary>
    public int Weight { get; set; } = 1;

    public int Position { get; init; }
}
