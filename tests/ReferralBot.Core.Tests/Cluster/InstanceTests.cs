using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Tests.Support;
using ReferralBot.Testing;

namespace ReferralBot.Core.Tests.Cluster;

/// <summary>Several instances on one PostgreSQL database: one's restart never settles another's work.</summary>
public sealed class InstanceTests
{
    // The outbox drops a message stuck "sending" only for an instance found gone (a row of SQLite's sole process
    // is covered by OutboxScriptTests): here, how PostgreSQL tells a running instance from one that has ended.
    [Fact]
    public async Task An_instance_is_gone_only_once_its_process_has_ended_never_while_it_runs()
    {
        var first = await ChatScript.StartOnPostgresAsync();
        var second = await first.StartAnotherInstanceAsync();
        var instances = first.Services.GetRequiredService<IInstances>();
        var running = second.Services.GetRequiredService<ThisInstance>().Id;
        var ended = new ThisInstance().Id;

        var whileRunning = await instances.GoneAsync([running, ended], CancellationToken.None);
        await second.DisposeAsync();
        var afterItStopped = await instances.GoneAsync([running], CancellationToken.None);
        await first.DisposeAsync();

        Assert.Equal([ended], whileRunning);
        Assert.Equal([running], afterItStopped);
    }

    // Both make the default campaign and the visitor secret; the loser of each race takes the winner's.
    [Fact]
    public async Task Instances_starting_together_on_a_new_database_all_start_and_share_one_setup()
    {
        var instances = await ChatScript.StartTogetherOnPostgresAsync(3);
        try
        {
            var salts = instances.Select(i => i.Services.GetRequiredService<VisitorSalt>().For(new DateOnly(2026, 11, 24))).ToList();
            Assert.Equal(1, await instances[0].CountAsync<Campaign>());
            Assert.Equal(3, await instances[0].CountAsync<Tier>());
            Assert.All(salts, salt => Assert.Equal(salts[0], salt));
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    // The test's clock never moves, so the dispatcher's poll never comes: only PostgreSQL's notification can wake it.
    [Fact]
    public async Task A_message_another_instance_stores_wakes_this_instances_outbox_at_once()
    {
        await using var chat = await ChatScript.StartOnPostgresAsync();
        await chat.SendAsync("jane", "/start");
        var jane = await chat.DbAsync(db => db.People.SingleAsync(p => p.ExternalId == "jane"));

        // As another instance would: a row stored with nothing in this process told of it.
        await chat.DbAsync(db =>
        {
            db.Add(new OutboxMessage
            {
                Key = "test:from-elsewhere", PersonId = jane.Id, Channel = ChatScript.Channel, ChatId = "jane",
                Payload = """[{"kind":"text","html":"Hello from the other instance","buttons":[]}]""",
                CreatedAt = chat.Time.GetUtcNow().UtcDateTime, DueAt = chat.Time.GetUtcNow().UtcDateTime,
            });
            return db.SaveChangesAsync();
        });

        var delivered = await chat.Outbound.NextAsync();

        Assert.Equal("jane", delivered.ChatId);
        Assert.Contains("Hello from the other instance", delivered.Said.Text, StringComparison.Ordinal);
    }

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

    // Each instance caches where codes lead; the admin's change reaches the other instance's cache through PostgreSQL.
    [Fact]
    public async Task A_landing_url_changed_through_one_instance_is_where_another_instances_links_lead_at_once()
    {
        await using var first = await ChatScript.StartOnPostgresAsync();
        await using var second = await first.StartAnotherInstanceAsync();
        var jane = (await first.SendAsync("jane", "/start")).Code;
        var redirects = second.Services.GetRequiredService<ReferralRedirects>();
        var before = await redirects.FindAsync(jane, CancellationToken.None);
        var expired = new TaskCompletionSource();
        second.Services.GetRequiredService<RedirectCacheSignal>().For(before!.CampaignId).RegisterChangeCallback(_ => expired.TrySetResult(), null);

        await first.SendAsync("admin", "/campaign set glow-serum landing https://shop.example.sg/new-serum");
        await expired.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var after = await redirects.FindAsync(jane, CancellationToken.None);

        Assert.Equal("https://shop.example.sg/serum?lang=en", before.LandingUrl);
        Assert.Equal("https://shop.example.sg/new-serum", after!.LandingUrl);
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

        var ended = await PostgresServer.EndSessionHoldingAsync(first.ConnectionString, "referralbot:role:telegram-sender:1");

        await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await using var taken = await second.Services.GetRequiredService<IExclusiveRoles>().TryTakeAsync("telegram-sender:1", CancellationToken.None);
        Assert.True(ended);
        Assert.NotNull(taken);
    }
}
