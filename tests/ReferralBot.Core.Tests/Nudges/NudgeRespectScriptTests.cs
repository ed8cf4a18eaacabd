using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Core.Tests.Nudges;

public sealed class NudgeRespectScriptTests
{
    [Fact]
    public async Task A_nudge_due_in_quiet_hours_goes_out_in_the_morning_of_the_campaigns_time_zone()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("admin", "/campaign set glow-serum timezone Asia/Singapore");
        chat.Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(55)); // 13:55 UTC = 21:55 in Singapore
        await chat.BuysAsync("1001", "bob");

        chat.Time.Advance(TimeSpan.FromMinutes(10)); // thank-you due 22:05 local
        await chat.DispatchAsync();
        var thanks = (await chat.NudgesAsync()).Single(n => n.Kind == NudgeKind.ThankYou);
        chat.Time.Advance(new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc) - chat.Time.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(1));
        await chat.DispatchAsync();
        var stillWaiting = chat.To("bob").Count;
        chat.Time.Advance(TimeSpan.FromMinutes(1)); // 08:00 in Singapore
        await chat.DispatchAsync();

        Assert.Equal(NudgeState.Pending, thanks.State);
        Assert.Equal(new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc), thanks.DueAt);
        Assert.Equal(0, stillWaiting);
        Assert.Single(chat.To("bob"));
        // The referrer's news at 21:55 local was not quiet yet and went out at once.
        Assert.Contains(chat.To("jane"), t => t.StartsWith("🛍", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_weekly_cap_holds_further_promotional_nudges_until_the_oldest_leaves_the_week()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync(new Dictionary<string, string?> { ["Nudges:MaxPerWeek"] = "2" });
        await chat.BuysAsync("1001", "bob");
        await chat.BuysAsync("1002", "bob");
        await chat.BuysAsync("1003", "bob");

        chat.Time.Advance(TimeSpan.FromMinutes(10));
        await chat.DispatchAsync();
        var third = (await chat.NudgesAsync()).Single(n => n.Key == Nudge.KeyFor("1003", NudgeKind.ThankYou));

        Assert.Equal(2, chat.To("bob").Count);
        Assert.Equal(NudgeState.Pending, third.State);
        Assert.Equal(chat.Time.GetUtcNow().UtcDateTime.AddDays(7), third.DueAt);
        // The referrer's news does not count towards the cap.
        Assert.Equal(3, chat.To("jane").Count(t => t.StartsWith("🛍", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stop_skips_nudges_and_resume_lets_the_later_ones_through()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.BuysAsync("1001", "bob");

        var stop = await chat.SendAsync("bob", "/stop");
        var again = await chat.SendAsync("bob", "/stop");
        chat.Time.Advance(TimeSpan.FromMinutes(10));
        await chat.DispatchAsync();
        var resume = await chat.SendAsync("bob", "/resume");
        chat.Time.Advance(TimeSpan.FromDays(3));
        await chat.DispatchAsync();

        Assert.Equal("Done: no more messages from me unless you write first. Your code and rewards keep working. /resume turns them back on.", stop.Text);
        Assert.StartsWith("You had already stopped my messages.", again.Text);
        Assert.StartsWith("Welcome back!", resume.Text);
        var nudges = await chat.NudgesAsync();
        Assert.Equal((NudgeState.Skipped, "stopped"), nudges.Where(n => n.Kind == NudgeKind.ThankYou).Select(n => (n.State, n.Reason)).Single());
        Assert.Equal(NudgeState.Queued, nudges.Single(n => n.Kind == NudgeKind.ShareAgain).State);
        Assert.Single(chat.To("bob"));
    }

    [Fact]
    public async Task Stop_also_silences_sign_up_notifications()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("jane", "/stop");

        await chat.SendAsync("mei", "/start JANE20");
        await chat.OutboxSettledAsync();

        Assert.DoesNotContain(chat.To("jane"), t => t.Contains("Mei", StringComparison.Ordinal));
        Assert.Equal(1, await chat.DbAsync(db => db.Set<OutboxMessage>().CountAsync(m => !m.Key.StartsWith("reply:")))); // only Bob's, from before
    }

    [Fact]
    public async Task Nudges_pending_at_a_restart_are_each_delivered_exactly_once_after_it()
    {
        var before = await NudgeScript.JaneAndBobAsync(new Dictionary<string, string?> { ["Nudges:MaxPerWeek"] = "10" });
        await before.BuysAsync("1001", "bob");
        await before.BuysAsync("1002", "bob");

        // Stopped with six nudges pending; the clock moves past all of them while it is down.
        var during = await before.RestartAsync();
        during.Time.Advance(TimeSpan.FromDays(4));
        await during.DispatchAsync();
        await during.DispatchAsync();
        var toBobDuring = during.To("bob").Count;
        await using var after = await during.RestartAsync();
        await after.DispatchAsync();

        var nudges = await after.NudgesAsync();
        var outbox = await after.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key.StartsWith("nudge:")).ToListAsync());
        Assert.Equal(6, nudges.Count);
        Assert.All(nudges, n => Assert.Equal(NudgeState.Queued, n.State));
        Assert.Equal(6, outbox.Count);
        Assert.All(outbox, m => Assert.NotNull(m.SentAt));
        Assert.Equal(4, toBobDuring);
        Assert.Empty(after.To("bob"));
    }

    [Fact]
    public async Task Forget_asks_first_then_erases_the_person_and_their_nudges_are_skipped()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("bob", "/start", "Bob", "bobby");
        await chat.BuysAsync("1001", "bob");

        var ask = await chat.SendAsync("bob", "/forget");
        var askedOnly = await chat.DbAsync(db => db.People.SingleAsync(p => p.ExternalId == "bob"));
        var done = await chat.SendAsync("bob", "/forget yes");
        chat.Time.Advance(TimeSpan.FromDays(4));
        await chat.DispatchAsync();

        Assert.StartsWith("This erases your name, username and chat details here", ask.Text);
        Assert.Null(askedOnly.ErasedAt);
        Assert.StartsWith("Done: your name and chat details are erased", done.Text);
        var bob = await chat.DbAsync(db => db.People.SingleAsync(p => p.ExternalId == "bob"));
        Assert.Equal(("(erased)", null, null), (bob.DisplayName, bob.Username, bob.PrivateChatId));
        Assert.NotNull(bob.ErasedAt);
        Assert.All((await chat.NudgesAsync()).Where(n => n.PersonId == bob.Id), n => Assert.Equal((NudgeState.Skipped, "erased"), (n.State, n.Reason)));
        Assert.Empty(chat.To("bob"));
        Assert.Equal(1, await chat.DbAsync(db => db.Set<ReferralBot.Core.Purchases.Purchase>().CountAsync())); // the money trail stays
    }
}
