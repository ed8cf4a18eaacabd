using System.Text.Json;
using System.Text.RegularExpressions;
using ReferralBot.Channels.BotFramework.Activities;

namespace ReferralBot.Channels.BotFramework.Receiving;

/// <summary>In Teams a message to the bot in a group starts with its @mention (<c>&lt;at&gt;ReferralBot&lt;/at&gt;</c>); the command is what follows.</summary>
public static partial class MentionText
{
    public static string Strip(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object && entity.TryGetProperty("type", out var type) && type.GetString() == "mention"
                && entity.TryGetProperty("text", out var mention) && mention.GetString() is { Length: > 0 } said)
                text = text.Replace(said, "", StringComparison.Ordinal);
        }

        return Whitespace().Replace(AtTag().Replace(text, ""), " ").Trim();
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
