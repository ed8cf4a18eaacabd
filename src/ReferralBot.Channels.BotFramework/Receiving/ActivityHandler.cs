using System.Text.Json;
using Microsoft.Extensions.Logging;
using ReferralBot.Channels.BotFramework.Activities;
using ReferralBot.Channels.BotFramework.Sending;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.BotFramework.Receiving;

/// <summary>
/// One accepted activity, end to end: handled at most once (its id is recorded first), its conversation reference
/// kept for later messages, turned into the core's inbound message, and the replies posted back to the conversation
/// as replies to it. A message is what it says; a conversation update that adds someone greets them (as /start);
/// an invoke from a card button carries its command.
/// </summary>
public sealed partial class ActivityHandler(
    ConversationGateway gateway,
    InboundReceipts receipts,
    ChannelAddresses addresses,
    ActivityRenderer renderer,
    ConnectorClient connector,
    ILogger<ActivityHandler> logger)
{
    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var reference = Reference(activity);
        if (reference is null || activity.From?.Id is not { } userId) return;
        if (activity.Id is { } id && !await receipts.TryRecordAsync($"bf:{reference.ChannelId}", $"{reference.ConversationId}|{id}", cancellationToken)) return;
        await addresses.SaveAsync(reference.ChannelId, reference.ConversationId, JsonSerializer.Serialize(reference), cancellationToken);

        foreach (var inbound in Inbound(activity, reference, userId))
        {
            var replies = await gateway.HandleAsync(inbound, cancellationToken);
            if (replies.Count == 0) continue;
            var result = await connector.SendAsync(reference, renderer.Render(replies, reference), activity.Id, beginSending: null, cancellationToken);
            if (result != DeliveryResult.Delivered) LogReplyFailed(logger, reference.ChannelId, result);
        }
    }

    private static IEnumerable<InboundMessage> Inbound(Activity activity, ConversationReference to, string userId)
    {
        var isPrivate = activity.Conversation?.IsGroup != true && activity.Conversation?.ConversationType is null or "personal";
        InboundMessage Message(string fromId, string? name, string text, bool button = false) =>
            new(to.ChannelId, to.ConversationId, fromId, string.IsNullOrWhiteSpace(name) ? fromId : name, text)
            {
                Locale = activity.Locale ?? "en",
                IsPrivateChat = isPrivate,
                IsButtonPress = button,
            };

        switch (activity.Type)
        {
            case Activity.Types.Message when CommandIn(activity.Value) is { } command:
                yield return Message(userId, activity.From?.Name, command, button: true);
                break;
            case Activity.Types.Message:
                yield return Message(userId, activity.From?.Name, MentionText.Strip(activity));
                break;
            case Activity.Types.Invoke when CommandIn(activity.Value) is { } command:
                yield return Message(userId, activity.From?.Name, command, button: true);
                break;
            case Activity.Types.ConversationUpdate when isPrivate:
                foreach (var added in activity.MembersAdded ?? [])
                {
                    if (added.Id is { } member && member != activity.Recipient?.Id) yield return Message(member, added.Name, "/start");
                }

                break;
        }
    }

    // A card button's payload: {"command": "/stats"} (or the text it stands for).
    private static string? CommandIn(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("command", out var command) && command.ValueKind == JsonValueKind.String
            ? command.GetString()
            : null;

    private static ConversationReference? Reference(Activity activity) =>
        activity is { ServiceUrl: { } url, ChannelId: { } channel, Conversation.Id: { } conversation }
            ? new ConversationReference(url, channel, conversation, activity.Recipient?.Id, activity.Recipient?.Name, activity.Conversation.IsGroup == true)
            : null;

    [LoggerMessage(LogLevel.Warning, "Replying on {Channel} failed: {Result}")]
    private static partial void LogReplyFailed(ILogger logger, string channel, DeliveryResult result);
}
