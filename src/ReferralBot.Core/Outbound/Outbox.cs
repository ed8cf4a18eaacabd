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

    /// <summary>How replies are stored in <see cref="OutboxMessage.Payload"/>.</summary>
    public static string Serialize(IReadOnlyList<Reply> replies) => JsonSerializer.Serialize(replies, Json);

    internal static IReadOnlyList<Reply> Read(OutboxMessage message) =>
        JsonSerializer.Deserialize<List<Reply>>(message.Payload, Json) ?? [];
}
