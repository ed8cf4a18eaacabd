using System.ComponentModel.DataAnnotations;

namespace ReferralBot.Core.Nudges;

/// <summary>The <c>Nudges</c> section.</summary>
public sealed class NudgeOptions : IValidatableObject
{
    public const string Section = "Nudges";

    /// <summary>How long after a purchase the buyer is thanked.</summary>
    public TimeSpan ThankYouDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after a purchase the buyer is asked to share again (unless they have since).</summary>
    public TimeSpan ShareAgainDelay { get; set; } = TimeSpan.FromDays(3);

    /// <summary><c>22:00-08:00</c>: no nudge goes out then, in the campaign's time zone; empty for none.</summary>
    public string? QuietHours { get; set; } = "22:00-08:00";

    /// <summary>Thank-you and share-again nudges a person gets in any 7 days at most.</summary>
    [Range(1, 100)]
    public int MaxPerWeek { get; set; } = 3;

    /// <summary>How often due nudges are looked for (a Quartz trigger).</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Due nudges settled per database round.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    public QuietHours QuietWindow() => Nudges.QuietHours.Parse(QuietHours);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Nudges.QuietHours.TryParse(QuietHours, out _))
            yield return new ValidationResult("Nudges:QuietHours must look like 22:00-08:00 (or be empty for none).", [nameof(QuietHours)]);
        if (ThankYouDelay < TimeSpan.Zero || ShareAgainDelay < TimeSpan.Zero)
            yield return new ValidationResult("Nudges:ThankYouDelay and Nudges:ShareAgainDelay cannot be negative.", [nameof(ThankYouDelay)]);
        if (DispatchInterval <= TimeSpan.Zero)
            yield return new ValidationResult("Nudges:DispatchInterval must be more than zero.", [nameof(DispatchInterval)]);
    }
}
