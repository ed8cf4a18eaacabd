using System.Globalization;
using System.Text.Json.Nodes;

namespace ReferralBot.FakeBotFramework;

/// <summary>Inbound activities in the Connector v3 shape, as a channel posts them to the bot's messaging endpoint.</summary>
public sealed partial class FakeBotFrameworkChannel
{
    /// <summary>The bot's display name in the recipient of every activity made here.</summary>
    public const string BotName = "ReferralBot";

    /// <summary>A text message from a person in their personal (1:1) conversation with the bot.</summary>
    public static JsonObject MessageActivity(string text, string fromId, string fromName, string conversationId, string serviceUrl,
        string channelId = "webchat", string recipientId = "bot", string? id = null)
    {
        var activity = Activity("message", id, channelId, serviceUrl, fromId, fromName, conversationId, recipientId);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["locale"] = "en-US";
        return activity;
    }

    /// <summary>
    /// Members joined the conversation (the bot among them when <paramref name="membersAdded"/> holds its
    /// <paramref name="recipientId"/>). From: <paramref name="fromId"/>, or the first added member that is not the bot.
    /// </summary>
    public static JsonObject ConversationUpdateActivity(string conversationId, string serviceUrl, IEnumerable<string> membersAdded,
        string channelId = "webchat", string recipientId = "bot", string? fromId = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        var members = membersAdded.ToArray();
        var from = fromId ?? members.FirstOrDefault(m => m != recipientId) ?? "user";
        var activity = Activity("conversationUpdate", id, channelId, serviceUrl, from, "", conversationId, recipientId);
        activity["from"]!.AsObject().Remove("name");
        activity["membersAdded"] = new JsonArray(members
            .Select(m => (JsonNode?)(m == recipientId ? Account(m, BotName) : new JsonObject { ["id"] = m }))
            .ToArray());
        return activity;
    }

    /// <summary>An invoke (e.g. "adaptiveCard/action") carrying <paramref name="value"/>; the channel waits for the bot's HTTP answer.</summary>
    public static JsonObject InvokeActivity(string name, JsonNode? value, string fromId, string fromName, string conversationId,
        string serviceUrl, string channelId = "webchat", string recipientId = "bot", string? id = null)
    {
        var activity = Activity("invoke", id, channelId, serviceUrl, fromId, fromName, conversationId, recipientId);
        activity["name"] = name;
        activity["value"] = value?.DeepClone();
        activity["locale"] = "en-US";
        return activity;
    }

    private static JsonObject Activity(string type, string? id, string channelId, string serviceUrl, string fromId, string fromName,
        string conversationId, string recipientId) => new()
    {
        ["type"] = type,
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = Account(fromId, fromName),
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["isGroup"] = false, ["conversationType"] = "personal" },
        ["recipient"] = Account(recipientId, BotName),
    };

    private static JsonObject Account(string id, string name) => new() { ["id"] = id, ["name"] = name };
}
