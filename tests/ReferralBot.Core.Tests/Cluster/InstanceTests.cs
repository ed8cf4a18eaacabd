using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Cluster;

/// <summary>Several instances on one PostgreSQL database: one's restart never settles another's work.</summary>
public sealed class InstanceTests
{
    private const string Interrupted = "interrupted while sending; not sent again";

    [Fact]
    public async Task A_message_stuck_sending_is_dropped_only_once_the_instance_that_held_it_is_gone()
    {
        var first = await ChatScript.StartOnPostgresAsync();
        var second = await first.StartAnotherInstanceAsync();
        var running = second.Services.GetRequiredService<ThisInstance>().Id;
        // Two messages on the wire when this check runs: one of the second instance's, which is running, and one of
        // an instance that has since died.
        await first.DbAsync(db =>
        {
            db.AddRange(Sending("test:running", running), Sending("test:died", new ThisInstance().Id));
            return db.SaveChangesAsync();
        });

        var restarted = await first.RestartAsync();
        await WaitUntilDroppedAsync(restarted, "test:died");
        var whileRunning = await restarted.DbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Key == "test:running"));
        await second.DisposeAsync();
        await using var again = await restarted.RestartAsync();
        await WaitUntilDroppedAsync(again, "test:running");

        Assert.Null(whileRunning.DroppedAt);
        Assert.NotNull(whileRunning.SendingAt);
    }

    // The test's clock never moves, so the dispatcher's poll never comes: only PostgreSQL's notification can wake it.
    [Fact]
    public async Task A_message_another_instance_stores_wakes_this_instances_outbox_at_once()
    {
        await using var chat = await ChatScript.StartOnPostgresAsync();
        await chat.SendAsync("jane", "/start");
        var jane = await chat.DbAsync(db => db.People.SingleAsync(p => p.ExternalId == "jane"));

        // As another instance would: a row written straight into the table, with no signal inside this process.
        await using (var other = new Npgsql.NpgsqlConnection(chat.ConnectionString))
        {
            await other.OpenAsync();
            await using var insert = new Npgsql.NpgsqlCommand(InsertElsewhere, other);
            insert.Parameters.AddWithValue("person", jane.Id);
            insert.Parameters.AddWithValue("now", chat.Time.GetUtcNow().UtcDateTime);
            await insert.ExecuteNonQueryAsync();
        }

        var delivered = await chat.Outbound.NextAsync();

        Assert.Equal("jane", delivered.ChatId);
        Assert.Contains("Hello from the other instance", delivered.Said.Text, StringComparison.Ordinal);
    }

    private const string InsertElsewhere = """
        INSERT INTO "Outbox" ("Key", "PersonId", "Channel", "ChatId", "Payload", "CreatedAt", "DueAt", "Attempts")
        VALUES ('test:from-elsewhere', @person, 'test', 'jane', '[{"kind":"text","html":"Hello from the other instance","buttons":[]}]',
                @now, @now, 0)
        """;

    // Each instance buffers its own clicks; the visitor secret they hash with is the store's, made once.
    [Fact]
    public async Task A_visitor_is_one_unique_visitor_whichever_instance_served_them()
    {
        await using var first = await ChatScript.StartOnPostgresAsync();
        await using var second = await first.StartAnotherInstanceAsync();
        var jane = (await first.SendAsync("jane", "/start")).Code;

        await first.ClickAsync(jane, "ig");
        await second.ClickAsync(jane, "ig");

        var tally = await second.DbAsync(db => db.Set<ClickTally>().SingleAsync(t => t.Source == "ig"));
        Assert.Equal((2, 1), (tally.Clicks, tally.UniqueClicks));
    }

    [Fact]
    public async Task A_role_is_held_by_one_instance_at_a_time_and_free_again_once_let_go()
    {
        await using var first = await ChatScript.StartOnPostgresAsync();
        await using var second = await first.StartAnotherInstanceAsync();
        var firstRoles = first.Services.GetRequiredService<IExclusiveRoles>();
        var secondRoles = second.Services.GetRequiredService<IExclusiveRoles>();

        var held = await firstRoles.TryTakeAsync("telegram-sender:123456", CancellationToken.None);
        var refused = await secondRoles.TryTakeAsync("telegram-sender:123456", CancellationToken.None);
        await using var other = await secondRoles.TryTakeAsync("telegram-sender:654321", CancellationToken.None);
        await held!.DisposeAsync();
        await using var taken = await secondRoles.TryTakeAsync("telegram-sender:123456", CancellationToken.None);

        Assert.True(firstRoles.SharedByInstances);
        Assert.Null(refused);
        Assert.NotNull(other);
        Assert.NotNull(taken);
    }

    // The holder's session ends under it (the server restarted, a network cut): PostgreSQL has freed the lock, so the
    // holder must stop acting on it, and another instance may take it.
    [Fact]
    public async Task A_holder_whose_session_ends_learns_it_lost_the_role_and_another_instance_takes_it()
    {
        await using var first = await ChatScript.StartOnPostgresAsync();
        await using var second = await first.StartAnotherInstanceAsync();
        await using var held = await first.Services.GetRequiredService<IExclusiveRoles>().TryTakeAsync("telegram-sender:1", CancellationToken.None);
        var lost = new TaskCompletionSource();
        held!.Lost.Register(() => lost.TrySetResult());

        await using (var admin = new Npgsql.NpgsqlConnection(first.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new Npgsql.NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid() " +
                "AND objid = (hashtextextended('referralbot:role:telegram-sender:1', 0) & 4294967295)::oid", admin);
            Assert.Equal(true, await kill.ExecuteScalarAsync());
        }

        await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await using var taken = await second.Services.GetRequiredService<IExclusiveRoles>().TryTakeAsync("telegram-sender:1", CancellationToken.None);
        Assert.NotNull(taken);
    }

    private static OutboxMessage Sending(string key, string instance) => new()
    {
        Key = key, Channel = "elsewhere", ChatId = "42", Payload = "[]", CreatedAt = DateTime.UtcNow, DueAt = DateTime.UtcNow,
        SendingAt = DateTime.UtcNow, SendingBy = instance,
    };

    // The check runs as the instance's outbox starts, beside the start: wait for its outcome.
    private static async Task WaitUntilDroppedAsync(ChatScript chat, string key)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await chat.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key == key).Select(m => m.DropReason).SingleAsync()) != Interrupted)
            await Task.Delay(20, timeout.Token);
    }
}
