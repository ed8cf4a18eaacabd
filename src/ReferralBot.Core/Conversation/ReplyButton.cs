namespace ReferralBot.Core.Conversation;

/// <summary>A button under a reply: run a command, open a link, share a link with a ready-made text, copy a text, or post a card to a chat.</summary>
public sealed record ReplyButton(string Label, ButtonKind Kind, string Value, string? ShareText = null)
{
    public static ReplyButton Command(string label, string commandLine) => new(label, ButtonKind.Command, commandLine);

    public static ReplyButton Link(string label, string url) => new(label, ButtonKind.Link, url);

    public static ReplyButton Share(string label, string url, string text) => new(label, ButtonKind.Share, url, text);

    public static ReplyButton Copy(string label, string text) => new(label, ButtonKind.Copy, text);

    /// <param name="query">What the chat's card is looked up by (the code).</param>
    public static ReplyButton ShareToChat(string label, string query) => new(label, ButtonKind.ShareToChat, query);
}
