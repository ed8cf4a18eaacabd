using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Members;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Pages;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Privacy;

/// <summary>
/// What <c>/forget yes</c> erases, on the caller's context (saved with the person's own row, in one transaction): their
/// name, username and chat address; every stored message to them (unsent ones are dropped), and the notices of their
/// sign-ups ("Bob just joined with your code"); their name or username in any other stored message; their influencer
/// <c>/voice</c> and their photo; their payout details; what a channel kept to reach their chat. Kept, because money needs it: codes, claims, clicks, purchases and the ledger, tied to the
/// channel's id for them and no name.
/// </summary>
public sealed class PersonalDataEraser(ReferralBotDbContext db, TimeProvider time)
{
    public const string ErasedName = "(erased)";

    public async Task EraseAsync(Person person, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var names = Names(person);

        // Messages to them, and the news of their sign-ups to whoever referred them (under whatever name they had then).
        var noticeKey = ReferrerNotice.KeySuffix(person.Id);
        foreach (var message in await db.Set<OutboxMessage>().Where(m => m.PersonId == person.Id || m.Key.StartsWith("claim:") && m.Key.EndsWith(noticeKey)).ToListAsync(cancellationToken))
        {
            message.Payload = "[]";
            if (message.SentAt is null && message.DroppedAt is null) (message.DroppedAt, message.DropReason) = (now, "erased");
        }

        // Their present name and username anywhere else (an influencer's name quoted in the thank-you to a buyer).
        var words = names.SelectMany(n => new[] { n, HtmlEncoder.Default.Encode(n), System.Net.WebUtility.HtmlEncode(n) }).Distinct().Select(WordOf).ToList();
        foreach (var variant in names.SelectMany(Encodings).Distinct())
        {
            var mentioning = await db.Set<OutboxMessage>()
                .Where(m => m.PersonId != person.Id && m.Payload.Contains(variant))
                .ToListAsync(cancellationToken);
            foreach (var message in mentioning) message.Payload = Scrub(message.Payload, words);
        }

        foreach (var member in await db.Members.Where(m => m.PersonId == person.Id && m.Voice != null).ToListAsync(cancellationToken))
            member.Voice = null;
        db.RemoveRange(await db.Set<PersonPhoto>().Where(p => p.PersonId == person.Id).ToListAsync(cancellationToken));

        // Where their money goes: the details go, and the sealed copies on their payout lines; the payouts made stay, as
        // the ledger does, with the masked account.
        db.RemoveRange(await db.Set<PayoutAccount>().Where(a => a.PersonId == person.Id).ToListAsync(cancellationToken));
        foreach (var line in await db.Set<PayoutLine>().Where(l => l.PersonId == person.Id && l.Sealed != null).ToListAsync(cancellationToken))
            line.Sealed = null;

        if (person.PrivateChatId is { } chat)
            db.RemoveRange(await db.Set<ChannelAddress>().Where(a => a.Channel == person.Channel && a.ChatId == chat).ToListAsync(cancellationToken));

        (person.DisplayName, person.Username, person.PrivateChatId) = (ErasedName, null, null);
        person.ErasedAt = now;
        person.StoppedAt ??= now;
    }

    private static IEnumerable<string> Names(Person person)
    {
        if (person.ErasedAt is null && !string.IsNullOrWhiteSpace(person.DisplayName)) yield return person.DisplayName;
        if (!string.IsNullOrWhiteSpace(person.Username))
        {
            yield return "@" + person.Username;
            yield return person.Username;
        }
    }

    // A name as it sits in a stored payload: JSON-escaped, as written and as templates HTML-escape it.
    private static IEnumerable<string> Encodings(string name) =>
        new[] { name, HtmlEncoder.Default.Encode(name), System.Net.WebUtility.HtmlEncode(name) }.Select(Encoded).Where(e => e.Length > 0);

    private static string Encoded(string text)
    {
        var json = JsonSerializer.Serialize(text, Outbox.Json);
        return json[1..^1];
    }

    // Every string in the payload, decoded (a JSON escape such as \n must not hide a word's start), with each name as a
    // whole word replaced: "Bob" goes from "Bob just joined", not from "Bobby".
    private static string Scrub(string payload, IReadOnlyList<Regex> words)
    {
        var root = JsonNode.Parse(payload);
        Walk(root, words);
        return root?.ToJsonString(Outbox.Json) ?? payload;
    }

    private static void Walk(JsonNode? node, IReadOnlyList<Regex> words)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue(out string? text)) obj[key] = ScrubText(text, words);
                    else Walk(child, words);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue(out string? text)) array[i] = ScrubText(text, words);
                    else Walk(array[i], words);
                }

                break;
        }
    }

    private static string ScrubText(string text, IReadOnlyList<Regex> words) =>
        words.Aggregate(text, (current, word) => word.Replace(current, ErasedName));

    private static Regex WordOf(string name) =>
        new($@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}_])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
