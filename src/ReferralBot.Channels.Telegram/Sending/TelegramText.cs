using System.Text;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// Telegram refuses a message over 4,096 characters ("message is too long"), so a longer text goes as several,
/// split between lines (tags do not span lines in the prompts); the buttons go with the last part.
/// </summary>
internal static class TelegramText
{
    public const int MaxLength = 4096;

    public static IReadOnlyList<TextReply> Split(TextReply reply)
    {
        if (reply.Html.Length <= MaxLength) return [reply];
        var parts = new List<string>();
        var part = new StringBuilder();
        foreach (var line in reply.Html.Split('\n'))
        {
            var rest = line;
            if (part.Length > 0 && part.Length + 1 + rest.Length > MaxLength)
            {
                parts.Add(part.ToString());
                part.Clear();
            }

            // A single line longer than a message (never in the prompts) is cut where it must be.
            for (; rest.Length > MaxLength; rest = rest[MaxLength..]) parts.Add(rest[..MaxLength]);
            if (part.Length > 0) part.Append('\n');
            part.Append(rest);
        }

        parts.Add(part.ToString());
        var kept = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return kept.Select((p, i) => new TextReply(p, i == kept.Count - 1 ? reply.Buttons : [])).ToList();
    }
}
