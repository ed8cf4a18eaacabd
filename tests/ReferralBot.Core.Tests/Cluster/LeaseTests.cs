using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Cluster;

/// <summary>Due work every instance looks for (outbox messages, nudges), on one PostgreSQL database: each piece is done once.</summary>
public sealed class LeaseTests
{
    [Fact]
    public async Task Rows_one_instance_has_leased_are_skipped_by_another_not_waited_for()
    {
        await using var first = await ChatScript.StartOnPostgresAsync();
        await using var second = await first.StartAnotherInstanceAsync();
        await JoinAsync(first, 10);
        await QueueRemindersAsync(first);

        await using var scopeA = first.Services.CreateAsyncScope();
        await using var scopeB = second.Services.CreateAsyncScope();
        var (a, b) = (scopeA.ServiceProvider.GetRequiredService<ReferralBotDbContext>(), scopeB.ServiceProvider.GetRequiredService<ReferralBotDbContext>());
        var leases = first.Services.GetRequiredService<IRowLeases>();
        await using var leaseA = await leases.BeginAsync(a, CancellationToken.None);
        var readA = await leases.SkipLocked(Pending(a)).ToListAsync();
        await using var leaseB = await leases.BeginAsync(b, CancellationToken.None);
        var readB = await leases.SkipLocked(Pending(b)).ToListAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(leaseA);
        Assert.Equal(4, readA.Count);
        Assert.Equal(4, readB.Count);
        Assert.Empty(readA.Select(n => n.Id).Intersect(readB.Select(n => n.Id)));
        Assert.True(readA.Max(n => n.Id) < readB.Min(n => n.Id));
    }

    // Without leases both would read the same batch, and the second to save would fail on the outbox's unique key.
    [Fact]
    public async Task Two_instances_dispatching_at_once_queue_each_nudge_once()
    {
        var settings = new Dictionary<string, string?> { ["Nudges:BatchSize"] = "5", ["Nudges:QuietHours"] = "" };
        await using var first = await ChatScript.StartOnPostgresAsync(settings);
        await using var second = await first.StartAnotherInstanceAsync();
        await JoinAsync(first, 40);
        var reminders = await QueueRemindersAsync(first);

        var queued = await Task.WhenAll(DispatchAsync(first), DispatchAsync(second), DispatchAsync(first), DispatchAsync(second));

        Assert.Equal(40, reminders);
        Assert.Equal(40, queued.Sum());
        Assert.Equal(40, await first.DbAsync(db => db.Set<Nudge>().CountAsync(n => n.State == NudgeState.Queued)));
        Assert.Equal(40, await first.DbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Key.StartsWith("nudge:"))));
    }

    // Both instances' dispatchers look at once; a chat's second message waits for its first to be settled, whoever took it.
    [Fact]
    public async Task Two_instances_send_each_stored_message_once_and_each_chats_messages_in_order()
    {
        await using var first = await ChatScript.StartOnPostgresAsync();
        await using var second = await first.StartAnotherInstanceAsync();
        var people = await JoinAsync(first, 8);
        var delivered = Channel.CreateUnbounded<(string ChatId, Said Said)>();
        (first.Outbound.AlsoInto, second.Outbound.AlsoInto) = (delivered.Writer, delivered.Writer);

        await first.DbAsync(db =>
        {
            var now = first.Time.GetUtcNow().UtcDateTime;
            foreach (var n in Enumerable.Range(1, 6))
                foreach (var person in people)
                    db.Add(Message(person.Id, person.ExternalId, n, now));
            return db.SaveChangesAsync();
        });
        var seen = new List<(string ChatId, Said Said)>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (seen.Count < 48) seen.Add(await delivered.Reader.ReadAsync(timeout.Token));

        Assert.Equal(48, seen.Select(d => d.Said.Text).Distinct().Count());
        foreach (var person in people)
            Assert.Equal(Enumerable.Range(1, 6).Select(n => $"{person.ExternalId} {n}"), seen.Where(d => d.ChatId == person.ExternalId).Select(d => d.Said.Text));
        Assert.Equal(48, first.Outbound.Delivered.Count + second.Outbound.Delivered.Count);
    }

    // Taken (marked with its instance) but never put on the wire when that instance died: not lost, sent by the next.
    [Fact]
    public async Task A_message_a_vanished_instance_had_taken_but_not_sent_is_sent_by_another()
    {
        var first = await ChatScript.StartOnPostgresAsync();
        var people = await JoinAsync(first, 1);
        var vanished = new ThisInstance().Id;
        await first.DbAsync(db =>
        {
            var message = Message(people[0].Id, people[0].ExternalId, 1, first.Time.GetUtcNow().UtcDateTime);
            message.SendingBy = vanished;
            db.Add(message);
            return db.SaveChangesAsync();
        });

        await using var next = await first.RestartAsync();
        var delivered = await next.Outbound.NextAsync();

        Assert.Equal("fan0 1", delivered.Said.Text);
        var row = await next.DbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Key == "test:fan0:1"));
        Assert.NotNull(row.SentAt);
        Assert.Null(row.DroppedAt);
    }

    private static IQueryable<Nudge> Pending(ReferralBotDbContext db) =>
        db.Set<Nudge>().Where(n => n.State == NudgeState.Pending).OrderBy(n => n.Id).Take(4);

    private static async Task<List<(int Id, string ExternalId)>> JoinAsync(ChatScript chat, int count)
    {
        foreach (var i in Enumerable.Range(0, count)) await chat.SendAsync($"fan{i}", "/start");
        var people = await chat.DbAsync(db => db.People.Where(p => p.ExternalId.StartsWith("fan")).OrderBy(p => p.Id).Select(p => new { p.Id, p.ExternalId }).ToListAsync());
        return people.Select(p => (p.Id, p.ExternalId)).ToList();
    }

    private static async Task<int> QueueRemindersAsync(ChatScript chat)
    {
        await using var scope = chat.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var campaign = await db.Campaigns.SingleAsync(c => c.Slug == "glow-serum");
        var now = chat.Time.GetUtcNow().UtcDateTime;
        return await scope.ServiceProvider.GetRequiredService<IReminderStore>()
            .QueueAsync(db, campaign.Id, Nudge.ReminderKeyPrefix(campaign.Id, DateOnly.FromDateTime(now)), now, CancellationToken.None);
    }

    private static async Task<int> DispatchAsync(ChatScript chat)
    {
        await Task.Yield();
        await using var scope = chat.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NudgeDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    private static OutboxMessage Message(int personId, string chatId, int n, DateTime now) => new()
    {
        Key = $"test:{chatId}:{n}", PersonId = personId, Channel = ChatScript.Channel, ChatId = chatId,
        Payload = $$"""[{"kind":"text","html":"{{chatId}} {{n}}","buttons":[]}]""", CreatedAt = now, DueAt = now,
    };
}
