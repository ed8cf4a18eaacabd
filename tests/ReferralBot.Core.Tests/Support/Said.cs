using System.Net;
using System.Text.RegularExpressions;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Tests.Support;

/// <summary>What the bot answered to one message, with helpers to read it as a person would.</summary>
public sealed partial record Said(IReadOnlyList<Reply> Replies)
{
    /// <summary>All text replies and captions as plain text.</summary>
    public string Text => string.Join("\n", Replies.Select(r => r switch
    {
        TextReply t => t.Html,
        ImageReply i => i.CaptionHtml ?? "",
        DocumentReply d => d.CaptionHtml ?? "",
        _ => "",
    }).Select(Plain));

    public string Html => string.Join("\n", Replies.OfType<TextReply>().Select(t => t.Html));

    public IReadOnlyList<ReplyButton> Buttons => Replies.OfType<TextReply>().SelectMany(t => t.Buttons).ToList();

    public QrCodeReply? Qr => Replies.OfType<QrCodeReply>().SingleOrDefault();

    /// <summary>The code the bot told them is theirs ("Your code: ALEX42").</summary>
    public string Code => YourCode().Match(Text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No code in: {Text}");

    private static string Plain(string html) => WebUtility.HtmlDecode(Tags().Replace(html, ""));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("Your code: ([A-Z0-9]+)")]
    private static partial Regex YourCode();
}
