namespace ReferralBot.Core.Links;

/// <summary>Where a tracked link was shared, recorded with each click (<c>?s=qr</c>).</summary>
public static class LinkSource
{
    public const string Qr = "qr";

    /// <summary>The call-to-action of a referrer's landing page.</summary>
    public const string Page = "page";

    public const string WhatsApp = "wa";
    public const string WhatsAppStatus = "wa-status";
    public const string Telegram = "tg";
    public const string Instagram = "ig";
    public const string TikTok = "tt";

    /// <summary>A text copied with the Copy button and pasted anywhere.</summary>
    public const string Copied = "copy";

    /// <summary>A card posted to a chat with Telegram's inline mode.</summary>
    public const string ChatCard = "tg-card";
    public const int MaxLength = 16;

    /// <summary>Lower-case letters, digits and hyphens only; anything else is not recorded.</summary>
    public static string? Normalize(string? tag)
    {
        var value = tag?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength) return null;
        return value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? value : null;
    }
}
