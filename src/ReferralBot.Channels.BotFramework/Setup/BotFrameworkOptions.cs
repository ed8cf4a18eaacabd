using System.ComponentModel.DataAnnotations;

namespace ReferralBot.Channels.BotFramework.Setup;

/// <summary>The <c>BotFramework</c> section: the Azure Bot registration and where Bot Framework lives.</summary>
public sealed class BotFrameworkOptions : IValidatableObject
{
    public const string Section = "BotFramework";

    /// <summary>The bot's Microsoft App ID. Empty: inbound tokens are not checked (local testing with the Emulator).</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, for the outbound token.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The app's tenant: <c>botframework.com</c> for multi-tenant bots, else the tenant id (single tenant).</summary>
    public string TenantId { get; set; } = "botframework.com";

    /// <summary>Where Microsoft Entra issues tokens.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    public string Scope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Bot Framework's OpenID metadata, whose keys sign the tokens channels send.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string Issuer { get; set; } = "https://api.botframework.com";

    /// <summary>
    /// The least time between two metadata fetches caused by tokens naming unknown keys, so forged tokens cannot
    /// make the bot hammer the metadata endpoint.
    /// </summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Channels that take images inline (base64 data URIs); others get the QR image's URL.</summary>
    public string[] InlineImageChannels { get; set; } = ["webchat", "directline", "emulator", "msteams"];

    /// <summary>Answered when <see cref="Channels"/> names none.</summary>
    public static readonly IReadOnlyList<string> DefaultChannels = ["msteams", "webchat", "directline", "slack", "emulator"];

    /// <summary>
    /// The channel ids this bot answers on, each a chat channel of its own (<c>msteams:29:1a…</c>); empty: the defaults.
    /// (Configuration binding adds to an array's initial items, so the defaults are not this array's.)
    /// </summary>
    public string[] Channels { get; set; } = [];

    /// <summary>What the bot answers on: <see cref="Channels"/>, or the defaults.</summary>
    public IReadOnlyList<string> AnsweredChannels => Channels is [] ? DefaultChannels : Channels.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>On without an app id: for the Bot Framework Emulator on your machine (nothing is authenticated then).</summary>
    public bool? Enabled { get; set; }

    public bool Authenticates => !string.IsNullOrWhiteSpace(AppId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Authenticates && string.IsNullOrWhiteSpace(AppPassword))
            yield return new ValidationResult("BotFramework:AppPassword is required with BotFramework:AppId (the bot's client secret).", [nameof(AppPassword)]);
        foreach (var (name, url) in new[] { ("AuthorityHost", AuthorityHost), ("OpenIdMetadataUrl", OpenIdMetadataUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                yield return new ValidationResult($"BotFramework:{name} must be an https URL.", [name]);
        }
    }
}
