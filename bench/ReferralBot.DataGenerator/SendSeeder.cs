using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Storage;

namespace ReferralBot.DataGenerator;

/// <summary>
/// Work for the sending benchmarks, written through the real model: people with their own Telegram chats, and either
/// one due outbox message each (<c>--outbox N</c>) or thank-you nudges (<c>--nudges N</c>), of which the first
/// <c>--due K</c> fall due at <c>--due-rate</c> a second from <c>--due-in</c> seconds on and the rest in 30 days.
/// Prints one JSON line; for nudges it includes how long scheduling them took.
/// </summary>
public sealed class SendSeeder(IServiceProvider services)
{
    public const long FirstChat = 300_000_000;
    public const string Admin = "telegram:1";
    private const int Batch = 1_000;

    public async Task OutboxAsync(int count, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var people = await PeopleAsync(db, count);
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < people.Count; i++)
        {
            outbox.Add(people[i], $"bench:{i}", [new TextReply($"🌿 Glow Serum news #{i + 1}: a new shade is in. Your code still gets friends 15% off.", [])]);
            if ((i + 1) % Batch == 0) await Generator.SaveAsync(db);
        }

        await Generator.SaveAsync(db);
        output.WriteLine(JsonSerializer.Serialize(new { outbox = count, seconds = Math.Round(clock.Elapsed.TotalSeconds, 2) }));
    }

    public async Task NudgesAsync(int count, int due, double dueRate, double dueInSeconds, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var campaign = await db.Campaigns.SingleAsync(c => c.Slug == "glow-serum");
        // The due nudges go to people of their own (one a second per chat is Telegram's limit); the later ones to one more.
        var members = await MembersAsync(db, campaign, Math.Min(due, count) + 1);
        var now = DateTime.UtcNow;
        var start = now.AddSeconds(dueInSeconds);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var isDue = i < due;
            var member = isDue ? members[i] : members[^1];
            var orderId = $"B{i:D7}";
            db.Add(new Nudge
            {
                Key = Nudge.KeyFor(orderId, NudgeKind.ThankYou), Kind = NudgeKind.ThankYou, PersonId = member.PersonId, MemberId = member.Id,
                CampaignId = campaign.Id, OrderId = orderId, CreatedAt = now,
                DueAt = isDue ? start.AddSeconds(i / dueRate) : now.AddDays(30),
            });
            if ((i + 1) % Batch == 0) await Generator.SaveAsync(db);
        }

        await Generator.SaveAsync(db);
        output.WriteLine(JsonSerializer.Serialize(new
        {
            nudges = count, due, dueRate, firstDueAt = start.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            scheduleSeconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
        }));
    }

    /// <summary>
    /// <c>--remind N</c>: N members with their own chats, then an admin's <c>/campaign remind glow-serum</c> straight into
    /// the conversation core, timed: the one product path that schedules a nudge for a whole campaign at once.
    /// </summary>
    public async Task RemindAsync(int count, TextWriter output)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
            var campaign = await db.Campaigns.SingleAsync(c => c.Slug == "glow-serum");
            await MembersAsync(db, campaign, count);
        }

        var gateway = services.GetRequiredService<InboundPipeline>();
        var clock = Stopwatch.StartNew();
        var replies = (await gateway.HandleAsync(new InboundMessage("telegram", "1", "1", "Shop owner", "/campaign remind glow-serum"), CancellationToken.None)).Replies;
        var seconds = clock.Elapsed.TotalSeconds;
        await using var check = services.CreateAsyncScope();
        var reminders = await check.ServiceProvider.GetRequiredService<ReferralBotDbContext>().Set<Nudge>().CountAsync(n => n.Kind == NudgeKind.Reminder);
        output.WriteLine(JsonSerializer.Serialize(new
        {
            members = count,
            reminders,
            scheduleSeconds = Math.Round(seconds, 2),
            reply = string.Join(" ", replies.OfType<TextReply>().Select(r => r.Html)).ReplaceLineEndings(" "),
        }));
    }

    private static async Task<List<Person>> PeopleAsync(ReferralBotDbContext db, int count)
    {
        var now = DateTime.UtcNow;
        var people = Enumerable.Range(0, count).Select(i => NewPerson(i, now)).ToList();
        foreach (var chunk in people.Chunk(Batch))
        {
            db.AddRange(chunk);
            await Generator.SaveAsync(db);
        }

        return people;
    }

    private static async Task<List<Member>> MembersAsync(ReferralBotDbContext db, Campaign campaign, int count)
    {
        var now = DateTime.UtcNow;
        var members = new List<Member>();
        for (var i = 0; i < count; i++)
        {
            var member = new Member { CampaignId = campaign.Id, Person = NewPerson(i, now), Role = MemberRole.Customer, JoinedAt = now, Reference = MemberReference.New() };
            member.Codes.Add(new ReferralCode { Value = $"BENCH{i:D6}", IsPrimary = true, CreatedAt = now });
            db.Add(member);
            members.Add(member);
            if (members.Count % Batch == 0) await Generator.SaveAsync(db);
        }

        await Generator.SaveAsync(db);
        return members;
    }

    private static Person NewPerson(int i, DateTime now)
    {
        var chat = (FirstChat + i).ToString(CultureInfo.InvariantCulture);
        return new Person { Channel = "telegram", ExternalId = chat, PrivateChatId = chat, DisplayName = $"Reader {i + 1}", FirstSeenAt = now, LastSeenAt = now };
    }
}
