using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Outbound;

public sealed class OutboxScriptTests
{
    [Fact]
    public async Task A_referrer_hears_of_each_sign_up_once()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;

        await chat.SendAsync("bob", $"/start {jane}");
        var first = await chat.Outbound.NextAsync();
        await chat.SendAsync("bob", $"/claim {jane}");
        await chat.SendAsync("mei", $"/claim {jane}");
        var second = await chat.Outbound.NextAsync();

        Assert.Equal("jane", first.ChatId);
        Assert.Equal($"🙌 Bob just joined Glow Serum with your code {jane}. That's 1 sign-up so far!", first.Said.Text);
        Assert.Equal($"🙌 Mei just joined Glow Serum with your code {jane}. That's 2 sign-ups so far!", second.Said.Text);
        Assert.Equal(2, await NoticesAsync(chat));
    }

    [Fact]
    public async Task A_failed_delivery_is_tried_again_after_a_backoff()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        chat.Outbound.Outcomes.Enqueue(DeliveryResult.Failed);

        await chat.SendAsync("bob", $"/start {jane}");
        var due = await WaitForAsync(chat, m => m.Attempts == 1);
        chat.Time.Advance(due.DueAt - chat.Time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(2));
        // The loop may be between two waits as the clock moves (busy with answers); waking it is what new rows do.
        chat.Services.GetRequiredService<OutboxSignal>().Notify();
        var delivered = await chat.Outbound.NextAsync();

        Assert.Contains("Bob just joined", delivered.Said.Text);
        Assert.NotNull((await WaitForAsync(chat, m => m.SentAt != null)).SentAt);
    }

    [Fact]
    public async Task An_unreachable_person_gets_nothing_more()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        chat.Outbound.Outcomes.Enqueue(DeliveryResult.Unreachable);

        await chat.SendAsync("bob", $"/start {jane}");
        var dropped = await WaitForAsync(chat, m => m.DroppedAt != null);
        await chat.SendAsync("mei", $"/start {jane}");

        Assert.Equal("unreachable", dropped.DropReason);
        Assert.Equal(1, await NoticesAsync(chat));
    }

    [Fact]
    public async Task Messages_stored_before_a_restart_are_sent_after_it()
    {
        var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        chat.Outbound.Outcomes.Enqueue(DeliveryResult.Failed);
        await chat.SendAsync("bob", $"/start {jane}");
        var pending = await WaitForAsync(chat, m => m.Attempts == 1);

        await using var restarted = await chat.RestartAsync();
        restarted.Time.Advance(pending.DueAt - restarted.Time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1));
        // The outbox may have looked just before the clock moved and armed its poll on the fake clock after: a nudge
        // makes it look again (failed once in CI today).
        restarted.Services.GetRequiredService<OutboxSignal>().Notify();
        var delivered = await restarted.Outbound.NextAsync();

        Assert.Contains("Bob just joined", delivered.Said.Text);
        Assert.Single(restarted.Outbound.Delivered);
    }

    // The dispatcher settles a row on its own task after the channel answers; wait (bounded) until the row shows it.
    // Answers to the messages go through the outbox too; these tests are about what the bot says on its own.
    private static Task<int> NoticesAsync(ChatScript chat) => chat.DbAsync(db => db.Set<OutboxMessage>().CountAsync(m => !m.Key.StartsWith("reply:")));

    private static async Task<OutboxMessage> WaitForAsync(ChatScript chat, Func<OutboxMessage, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await chat.DbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => !m.Key.StartsWith("reply:")));
            if (condition(message)) return message;
            await Task.Delay(20, timeout.Token);
        }
    }

    [Fact]
    public async Task A_message_is_recorded_as_being_sent_before_it_goes_on_the_wire()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        OutboxMessage? onTheWire = null;
        chat.Outbound.WhileSending = async () => onTheWire = await chat.DbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => !m.Key.StartsWith("reply:")));

        await chat.SendAsync("bob", $"/start {jane}");
        await chat.Outbound.NextAsync();

        Assert.NotNull(onTheWire!.SendingAt);
        Assert.Null(onTheWire.SentAt);
        Assert.NotNull((await WaitForAsync(chat, m => m.SentAt != null)).SentAt);
    }

    // Two requests (a card and its text, say): the crash cut off the first, which may have arrived. The second had not
    // started, so it is not lost: the message resumes with it.
    [Fact]
    public async Task A_message_a_crash_cut_off_after_its_first_request_resumes_with_the_next_at_the_restart()
    {
        var chat = await ChatScript.StartAsync();
        await chat.SendAsync("jane", "/start");
        var jane = await chat.DbAsync(db => db.People.SingleAsync(p => p.ExternalId == "jane"));
        var now = chat.Time.GetUtcNow().UtcDateTime;
        await chat.DbAsync(db =>
        {
            db.Add(new OutboxMessage
            {
                Key = "test:two-parts", PersonId = jane.Id, Channel = ChatScript.Channel, ChatId = "jane", CreatedAt = now, DueAt = now,
                Payload = """[{"kind":"text","html":"part one","buttons":[]},{"kind":"text","html":"part two","buttons":[]}]""",
                SendingAt = now, SendingBy = new ThisInstance().Id, Requests = 2, RequestsStarted = 1,
            });
            return db.SaveChangesAsync();
        });

        await using var restarted = await chat.RestartAsync();
        var resumed = await restarted.Outbound.NextAsync();

        Assert.Equal("part two", resumed.Said.Text);
        var row = await WaitForAsync(restarted, m => m.SentAt != null); // settled just after the channel returns
        Assert.Equal((2, 2), (row.RequestsStarted, row.Requests));
        Assert.NotNull(row.SentAt);
        Assert.Null(row.DroppedAt);
    }

    [Fact]
    public async Task A_message_a_crash_cut_off_mid_send_is_dropped_at_the_restart_not_sent_twice()
    {
        var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        chat.Outbound.Outcomes.Enqueue(DeliveryResult.Failed); // Bob's notice waits for a retry…
        await chat.SendAsync("bob", $"/start {jane}");
        var waiting = await WaitForAsync(chat, m => m.Attempts == 1);
        // …and then the process dies while it is on the wire: claimed, never settled.
        await chat.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == waiting.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SendingAt, waiting.DueAt)));

        await using var restarted = await chat.RestartAsync();
        restarted.Time.Advance(TimeSpan.FromHours(1));
        await restarted.SendAsync("mei", $"/start {jane}");
        var next = await restarted.Outbound.NextAsync();

        Assert.Contains("Mei just joined", next.Said.Text);
        Assert.DoesNotContain(restarted.Outbound.Delivered, d => d.Said.Text.Contains("Bob", StringComparison.Ordinal));
        var dropped = await restarted.DbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Id == waiting.Id));
        Assert.Equal("interrupted while sending; not sent again", dropped.DropReason);
    }
}
