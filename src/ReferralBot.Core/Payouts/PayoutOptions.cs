using System.ComponentModel.DataAnnotations;

namespace ReferralBot.Core.Payouts;

/// <summary>The <c>Payouts</c> section.</summary>
public sealed class PayoutOptions : IValidatableObject
{
    public const string Section = "Payouts";

    /// <summary>The least a member is paid out in one batch, in the campaign's currency; smaller balances wait for more.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal MinimumAmount { get; set; } = 10m;

    /// <summary>Where <c>payout.created</c> and <c>payout.paid</c> are posted, signed like the purchase webhook; empty for none.</summary>
    public string? WebhookUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (decimal.Round(MinimumAmount, 2) != MinimumAmount)
            yield return new ValidationResult("Payouts:MinimumAmount has at most two decimals.", [nameof(MinimumAmount)]);
        // payout.created carries account details in full: they go over TLS, or to this machine.
        if (!string.IsNullOrEmpty(WebhookUrl) && !(Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) && (url.Scheme == "https" || url.Scheme == "http" && url.IsLoopback)))
            yield return new ValidationResult("Payouts:WebhookUrl must be an absolute https URL (http only to this machine), or empty for none.", [nameof(WebhookUrl)]);
    }
}
