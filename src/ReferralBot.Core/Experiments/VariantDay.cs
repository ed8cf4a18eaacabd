namespace ReferralBot.Core.Experiments;

/// <summary>A variant's totals at the end of a day: people exposed so far and how many of them converted.</summary>
public sealed record VariantDay(DateOnly Day, int Exposed, int Converted);
