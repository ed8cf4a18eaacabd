namespace ReferralBot.Host.Purchases;

/// <summary>The <c>Webhooks</c> section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>HMAC-SHA256 key the shop signs purchase and refund webhooks with; without it the endpoints refuse everything.</summary>
    public string? PurchaseSecret { get; set; }

    /// <summary>How far a request's timestamp may be from our clock.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
