namespace ReferralBot.Core.Experiments;

/// <summary>
/// The variant a person met, recorded the first time they met it and never changed: one per experiment and person
/// (a unique key), so they see the same variant everywhere, and what they bring is credited to it.
/// </summary>
public sealed class ExperimentExposure
{
    public long Id { get; private set; }
    public int ExperimentId { get; init; }
    public int PersonId { get; init; }
    public int VariantId { get; init; }
    public DateTime ExposedAt { get; init; }
}
