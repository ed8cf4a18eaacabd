using Microsoft.Extensions.Options;
using ReferralBot.Channels.BotFramework.Activities;
using ReferralBot.Channels.BotFramework.Setup;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Channels.BotFramework.Sending;

/// <summary>
/// Turns the core's replies into activities for one channel: text as markdown; buttons as suggested actions, or a
/// hero card on Teams (which shows cards, not suggestions); images inline as data URIs where the channel takes
/// them, else the QR's public URL; files inline where the channel takes them, else their caption and a note.
/// </summary>
public sealed class ActivityRenderer(IOptions<BotFrameworkOptions> options)
{
    public IReadOnlyList<Activity> Render(IReadOnlyList<Reply> replies, ConversationReference to) =>
        replies.Select(reply => Render(reply, to)).OfType<Activity>().ToList();

    private Activity? Render(Reply reply, ConversationReference to)
    {
        var inline = options.Value.InlineImageChannels.Contains(to.ChannelId, StringComparer.OrdinalIgnoreCase);
        return reply switch
        {
            TextReply text => Text(text, to),
            QrCodeReply qr => Message(to, Caption(qr.CaptionHtml), [new Attachment("image/png", inline ? DataUri("image/png", qr.Png) : qr.ImageUrl, Name: qr.FileName)]),
            ImageReply image when inline => Message(to, Caption(image.CaptionHtml), [new Attachment("image/png", DataUri("image/png", image.Png), Name: image.FileName)]),
            ImageReply image => Message(to, Caption(image.CaptionHtml) + "  \n(The picture shows in Web Chat and Teams.)", null),
            DocumentReply file when inline && to.ChannelId != "msteams" => Message(to, Caption(file.CaptionHtml), [new Attachment(file.MediaType, DataUri(file.MediaType, file.Content), Name: file.FileName)]),
            DocumentReply file => Message(to, $"{Caption(file.CaptionHtml)}  \n(**{file.FileName}**: files come through in Web Chat or the terminal.)", null),
            _ => null,
        };
    }

    private static Activity Text(TextReply text, ConversationReference to)
    {
        var markdown = MarkdownText.FromHtml(text.Html);
        // Bot Framework cards can neither copy to the clipboard nor post to another chat: those buttons are left out.
        var actions = text.Buttons.Where(b => b.Kind is not (ButtonKind.Copy or ButtonKind.ShareToChat)).Select(Action).ToList();
        if (actions.Count == 0) return Message(to, markdown, null);
        // Teams shows suggested actions only in some clients; a hero card shows everywhere it runs.
        return to.ChannelId == "msteams"
            ? Message(to, markdown, [new Attachment("application/vnd.microsoft.card.hero", Content: new HeroCard(null, actions))])
            : Message(to, markdown, null) with { SuggestedActions = new SuggestedActions(actions) };
    }

    private static CardAction Action(ReplyButton button) => button.Kind switch
    {
        ButtonKind.Command => new CardAction("imBack", button.Label, button.Value),
        _ => new CardAction("openUrl", button.Label, button.Value),
    };

    private static Activity Message(ConversationReference to, string? text, IReadOnlyList<Attachment>? attachments) => new()
    {
        Type = Activity.Types.Message,
        From = new ChannelAccount(to.BotId, to.BotName),
        Conversation = new ConversationAccount(to.ConversationId),
        TextFormat = "markdown",
        Text = text,
        Attachments = attachments,
    };

    private static string? Caption(string? html) => html is null ? null : MarkdownText.FromHtml(html);

    private static string DataUri(string mediaType, byte[] content) => $"data:{mediaType};base64,{Convert.ToBase64String(content)}";
}
