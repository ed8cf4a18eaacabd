using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>What the fake Telegram knows: chats it has seen, the bot's messages (for edits), uploaded files, updates.</summary>
internal sealed class BotState(FakeBotApiOptions options)
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, JsonObject> chats = [];
    private readonly Dictionary<(long Chat, long Message), JsonObject> messages = [];
    private readonly Dictionary<string, JsonNode> files = new(StringComparer.Ordinal);
    private readonly HashSet<string> openCallbackQueries = new(StringComparer.Ordinal);
    private readonly HashSet<string> openInlineQueries = new(StringComparer.Ordinal);
    private long lastMessageId = 1000;
    private long lastFile;

    public FakeBotApiOptions Options => options;

    public UpdateQueue Updates { get; } = new();

    public WebhookState Webhook { get; } = new();

    public LimitGuard Limits { get; } = new();

    public long UnixNow => options.Time.GetUtcNow().ToUnixTimeSeconds();

    public long NextMessageId() => Interlocked.Increment(ref lastMessageId);

    public long NextFileNumber() => Interlocked.Increment(ref lastFile);

    public JsonObject BotUser() =>
        new() { ["id"] = options.BotId, ["is_bot"] = true, ["first_name"] = options.FirstName, ["username"] = options.Username };

    public void RememberChat(JsonObject chat)
    {
        lock (gate) chats[(long)chat["id"]!] = (JsonObject)chat.DeepClone();
    }

    /// <summary>The chat as last seen in an update, or as Telegram would show a chat never seen: private or group by the id's sign.</summary>
    public JsonObject Chat(long id)
    {
        lock (gate)
        {
            if (chats.TryGetValue(id, out var known)) return (JsonObject)known.DeepClone();
        }

        return id < 0
            ? new JsonObject { ["id"] = id, ["type"] = "group", ["title"] = "Group" }
            : new JsonObject { ["id"] = id, ["type"] = "private", ["first_name"] = "Test" };
    }

    public void RememberMessage(JsonObject message)
    {
        lock (gate) messages[((long)message["chat"]!["id"]!, (long)message["message_id"]!)] = (JsonObject)message.DeepClone();
    }

    public JsonObject? Message(long chatId, long messageId)
    {
        lock (gate) return messages.TryGetValue((chatId, messageId), out var message) ? (JsonObject)message.DeepClone() : null;
    }

    public void RememberFile(string fileId, JsonNode media)
    {
        lock (gate) files[fileId] = media.DeepClone();
    }

    public JsonNode? File(string fileId)
    {
        lock (gate) return files.TryGetValue(fileId, out var media) ? media.DeepClone() : null;
    }

    public void OpenCallbackQuery(string id)
    {
        lock (gate) openCallbackQueries.Add(id);
    }

    public void OpenInlineQuery(string id)
    {
        lock (gate) openInlineQueries.Add(id);
    }

    /// <summary>True the first time an inline query the fake made is answered.</summary>
    public bool CloseInlineQuery(string id)
    {
        lock (gate) return openInlineQueries.Remove(id);
    }

    /// <summary>True the first time a callback query the fake made is answered.</summary>
    public bool CloseCallbackQuery(string id)
    {
        lock (gate) return openCallbackQueries.Remove(id);
    }
}
