using System.ComponentModel.DataAnnotations;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Links;

namespace ReferralBot.Core.Bot;

/// <summary>The <c>Bot</c> section: how the bot presents itself and who runs it.</summary>
public sealed class BotOptions : IValidatableObject
{
    public const string Section = "Bot";

    /// <summary>Base of the web links: <c>{PublicBaseUrl}/r/{CODE}</c>.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Admins as <c>channel:userId</c>, for example <c>telegram:123456789</c>.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>The campaign that <c>/start</c> without a code joins; created on first start if none exists.</summary>
    [Required]
    public string DefaultCampaign { get; set; } = "default";

    /// <summary>Where the default campaign's links land when it is created.</summary>
    [Required]
    public string DefaultLandingUrl { get; set; } = "https://example.com/";

    [Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "Bot:DefaultCurrency must be an ISO 4217 code such as SGD.")]
    public string DefaultCurrency { get; set; } = "USD";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!HttpUrl.IsValid(PublicBaseUrl))
            yield return new($"Bot:PublicBaseUrl must be an absolute http(s) URL, not '{PublicBaseUrl}'.", [nameof(PublicBaseUrl)]);
        if (!HttpUrl.IsValid(DefaultLandingUrl))
            yield return new($"Bot:DefaultLandingUrl must be an absolute http(s) URL, not '{DefaultLandingUrl}'.", [nameof(DefaultLandingUrl)]);
        if (!CampaignSlug.IsValid(DefaultCampaign))
            yield return new($"Bot:DefaultCampaign must be a slug like 'spring-sale', not '{DefaultCampaign}'.", [nameof(DefaultCampaign)]);
        foreach (var admin in Admins.Where(a => !ChatAddress.TryParse(a, out _)))
            yield return new($"Bot:Admins entries are 'channel:userId' (telegram:123456789), not '{admin}'.", [nameof(Admins)]);
    }

    /// <summary>The URLs in their ASCII form (an internationalised host or path would not fit a Location header).</summary>
    public void Normalize()
    {
        if (HttpUrl.TryNormalize(PublicBaseUrl, out var publicBase)) PublicBaseUrl = publicBase.TrimEnd('/');
        if (HttpUrl.TryNormalize(DefaultLandingUrl, out var landing)) DefaultLandingUrl = landing;
    }
}
