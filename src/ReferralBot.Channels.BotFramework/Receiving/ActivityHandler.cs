using System.Text.Json;
using ReferralBot.Channels.BotFramework.Activities;
using ReferralBot.Channels.BotFramework.Sending;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.BotFramework.Receiving;

/// <summary>
/// One accepted activity: its conversation reference kept (the outbox sends through it), then turned into the core's
/// messages for the <see cref="InboundPipeline"/>, which stores the replies before <c>/api/messages</c> answers, so an
/// accepted activity is never lost. Its id (with the conversation's) is the delivery id: a redelivery changes nothing.
/// A message is what it says; a conversation update that adds someone greets them (as /start); an invoke from a card
/// button carries its command.
/// </summary>
public sealed class ActivityHandler(InboundPipeline pipeline, ChannelAddresses addresses)
{
    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var reference = Reference(activity);
        if (reference is null || activity.From?.Id is not { } userId) return;
        await addresses.SaveAsync(reference.ChannelId, reference.ConversationId, JsonSerializer.Serialize(reference), cancellationToken);

        foreach (var inbound in Inbound(activity, reference, userId)) await pipeline.HandleAsync(inbound, cancellationToken);
    }

    private static IEnumerable<InboundMessage> Inbound(Activity activity, ConversationReference to, string userId)
    {
        var isPrivate = activity.Conversation?.IsGroup != true && activity.Conversation?.ConversationType is null or "personal";
        // A conversation update can add several people: each greeting is a delivery of its own.
        InboundMessage Message(string fromId, string? name, string text, bool button = false) =>
            new(to.ChannelId, to.ConversationId, fromId, string.IsNullOrWhiteSpace(name) ? fromId : name, text)
            {
                Locale = activity.Locale ?? "", // none: their campaign's language
                IsPrivateChat = isPrivate,
                IsButtonPress = button,
                DeliveryId = activity.Id is { } id ? $"{to.ConversationId}|{id}" + (activity.Type == Activity.Types.ConversationUpdate ? $"|{fromId}" : "") : null,
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
}
