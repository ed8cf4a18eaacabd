using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using ReferralBot.Core.Links;

namespace ReferralBot.Channels.Telegram.Setup;

/// <summary>The <c>Telegram</c> section. Without a token the channel stays off.</summary>
public sealed partial class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";
    public const string DefaultApiBaseUrl = "https://api.telegram.org";
    public const string ChannelName = "telegram";

    public string? BotToken { get; set; }

    /// <summary>A self-hosted Bot API server (or a test's fake); the official one by default.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Public HTTPS URL Telegram posts updates to; empty means long polling.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent by Telegram in <c>X-Telegram-Bot-Api-Secret-Token</c>; required with a webhook.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Known in advance (otherwise learnt from getMe), for deep links.</summary>
    public string? BotUsername { get; set; }

    /// <summary>How long one getUpdates call waits for updates.</summary>
    [Range(0, 50)]
    public int PollingTimeoutSeconds { get; set; } = 30;

    [Range(1, 100)]
    public int WebhookMaxConnections { get; set; } = 40;

    /// <summary>Messages per second over all chats (Telegram allows about 30).</summary>
    [Range(1, 1000)]
    public double MaxMessagesPerSecond { get; set; } = 30;

    /// <summary>Gap between messages to one private chat (about 1 per second).</summary>
    public TimeSpan PrivateChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gap between messages to one group (20 per minute).</summary>
    public TimeSpan GroupChatInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Sends under way at once; Telegram's latency, not its limits, makes this matter.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentSends { get; set; } = 64;

    /// <summary>Tries of one send that fails with a network error or a 5xx before it is given up.</summary>
    [Range(1, 20)]
    public int MaxSendAttempts { get; set; } = 6;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        if (!HttpUrl.IsValid(ApiBaseUrl))
            yield return new($"Telegram:ApiBaseUrl must be an absolute http(s) URL, not '{ApiBaseUrl}'.");
        if (!UsesWebhook) yield break;
        if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var webhook) || webhook.Scheme != Uri.UriSchemeHttps)
            yield return new($"Telegram:WebhookUrl must be an absolute https URL (Telegram only posts to HTTPS), not '{WebhookUrl}'.");
        if (WebhookSecret is null || !SecretPattern().IsMatch(WebhookSecret))
            yield return new("Telegram:WebhookSecret is required with a webhook: 1–256 characters of A–Z, a–z, 0–9, _ and -.");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
