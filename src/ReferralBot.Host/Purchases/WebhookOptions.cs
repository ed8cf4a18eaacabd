using System.ComponentModel.DataAnnotations;

namespace ReferralBot.Host.Purchases;

/// <summary>The <c>Webhooks</c> section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>HMAC-SHA256 key the shop signs purchase and refund webhooks with; without it the endpoints refuse everything.</summary>
    public string? PurchaseSecret { get; set; }

    /// <summary>How far a request's timestamp may be from our clock (and an order's time ahead of it).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest body a webhook may have; a larger one is refused (413) before it is read.</summary>
    [Range(1_024, 10 * 1_024 * 1_024)]
    public int MaxBodyBytes { get; set; } = 64 * 1_024;
}
