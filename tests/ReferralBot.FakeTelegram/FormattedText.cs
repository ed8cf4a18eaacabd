namespace ReferralBot.FakeTelegram;

/// <summary>A text or caption field as Telegram reads it: parsed by its parse_mode, and within its length limit.</summary>
internal static class FormattedText
{
    public const int TextLimit = 4096;
    public const int CaptionLimit = 1024;

    /// <summary>The plain text the field shows (null when absent), or the 400 Telegram answers.</summary>
    public static (string? Plain, BotApiAnswer? Error) Read(BotApiCall call, string field, bool strict)
    {
        if (call[field] is not { } raw) return (null, null);
        var plain = raw;
        if (string.Equals(call["parse_mode"], "HTML", StringComparison.OrdinalIgnoreCase))
        {
            var (parsed, error) = HtmlText.Parse(raw);
            if (error is not null && strict) return (null, BotApiAnswer.BadRequest("can't parse entities: " + error));
            plain = parsed ?? raw;
        }

        var (limit, tooLong) = field == "caption" ? (CaptionLimit, "message caption is too long") : (TextLimit, "message is too long");
        return strict && plain.Length > limit ? (null, BotApiAnswer.BadRequest(tooLong)) : (plain, null);
    }
}
