using System.Text.Json;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Outbound;

/// <summary>
/// Queues a message to a person on the caller's database context, so it is stored in the same transaction as
/// whatever caused it (a claim, a purchase): either both happen or neither.
/// </summary>
public sealed class Outbox(ReferralBotDbContext db, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds the message unless the person cannot be written to or said <c>/stop</c>; the caller saves.</summary>
    public bool Add(Person person, string key, IReadOnlyList<Reply> replies, DateTime? dueAt = null)
    {
        if (person.PrivateChatId is null || person.UnreachableAt is not null || person.StoppedAt is not null || person.ErasedAt is not null) return false;

        var now = time.GetUtcNow().UtcDateTime;
        db.Add(new OutboxMessage
        {
            Key = key,
            PersonId = person.Id,
            Channel = person.Channel,
            ChatId = person.PrivateChatId,
            Payload = Serialize(replies),
            CreatedAt = now,
            DueAt = dueAt ?? now,
        });
        return true;
    }

    /// <summary>
    /// Adds the answer to <paramref name="message"/>, to the chat it came from. It goes out even to someone who said
    /// <c>/stop</c> or was marked unreachable: they just wrote. The key makes a second answer to the same delivery fail.
    /// </summary>
    public void AddReply(InboundMessage message, int? personId, IReadOnlyList<Reply> replies)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.Add(new OutboxMessage
        {
            Key = ReplyKey(message),
            PersonId = personId,
            Channel = message.Channel,
            ChatId = message.ChatId,
            Payload = Serialize(replies),
            CreatedAt = now,
            DueAt = now,
        });
    }

    /// <summary>How every answer's key starts.</summary>
    public const string ReplyPrefix = "reply:";

    /// <summary>The key of the answer to a delivery; a message without a delivery id gets one of its own.</summary>
    public static string ReplyKey(InboundMessage message) =>
        message.DeliveryId is { } id ? $"{ReplyPrefix}{message.Channel}:{id}" : $"{ReplyPrefix}{message.Channel}:~{Guid.NewGuid():N}";

    /// <summary>The delivery id <paramref name="key"/> answers; null for a message that answers none.</summary>
    public static string? AnsweredDelivery(string key)
    {
        if (!key.StartsWith(ReplyPrefix, StringComparison.Ordinal)) return null;
        var id = key[(key.IndexOf(':', ReplyPrefix.Length) + 1)..];
        return id.StartsWith('~') ? null : id;
    }

    /// <summary>Whether <paramref name="key"/> is an answer to a message (rather than something the bot says on its own).</summary>
    public static bool IsReply(string key) => key.StartsWith(ReplyPrefix, StringComparison.Ordinal);

    /// <summary>How replies are stored in <see cref="OutboxMessage.Payload"/>.</summary>
    public static string Serialize(IReadOnlyList<Reply> replies) => JsonSerializer.Serialize(replies, Json);

    internal static IReadOnlyList<Reply> Read(OutboxMessage message) =>
        JsonSerializer.Deserialize<List<Reply>>(message.Payload, Json) ?? [];
}
