namespace ReferralBot.Core.Experiments;

/// <summary>One variant's outcome on one measure: how many had the chance (<see cref="Trials"/>) and how many did it.</summary>
public sealed record VariantCount(string Label, int Trials, int Successes)
{
    /// <summary>Successes per trial; null before the first trial.</summary>
    public double? Rate => Trials == 0 ? null : (double)Successes / Trials;
}
