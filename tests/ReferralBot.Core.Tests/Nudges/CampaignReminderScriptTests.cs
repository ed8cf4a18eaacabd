using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Nudges;

namespace ReferralBot.Core.Tests.Nudges;

public sealed class CampaignReminderScriptTests
{
    [Fact]
    public async Task Remind_nudges_every_reachable_member_to_share_once_and_leaves_out_those_who_stopped()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("carol", "/start", "Carol");
        await chat.SendAsync("carol", "/stop");

        var said = await chat.SendAsync("admin", "/campaign remind glow-serum");
        var queued = await chat.DispatchAsync();

        Assert.StartsWith("📣 2 members of Glow Serum (glow-serum) will get a reminder to share their code.", said.Text);
        Assert.Contains("1 member left out: they stopped messages", said.Text);
        Assert.Equal(2, queued);
        var toBob = Assert.Single(chat.SaidTo("bob"));
        Assert.StartsWith("Hi Bob! Glow Serum is still on", toBob.Text);
        Assert.Contains(toBob.Buttons, b => b.Kind == ButtonKind.Share);
        Assert.Contains("JANE20", Assert.Single(chat.To("jane"), t => t.StartsWith("Hi Jane!", StringComparison.Ordinal)));
        Assert.Empty(chat.To("carol"));
        var audit = await chat.DbAsync(db => db.Set<AuditEntry>().SingleAsync(a => a.Action == "campaign.remind"));
        Assert.Equal(("test:admin", "2"), (audit.Actor, audit.NewValue));
    }

    [Fact]
    public async Task Remind_twice_the_same_day_doubles_nothing_and_the_next_day_is_a_new_round()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("admin", "/campaign remind glow-serum");

        var again = await chat.SendAsync("admin", "/campaign remind GLOW-SERUM");
        await chat.SendAsync("dan", "/start JANE20", "Dan");
        var withDan = await chat.SendAsync("admin", "/campaign remind glow-serum");
        var sameDay = (await chat.NudgesAsync()).Count(n => n.Kind == NudgeKind.Reminder);
        chat.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await chat.SendAsync("admin", "/campaign remind glow-serum");

        Assert.StartsWith("Nobody new to remind in Glow Serum (glow-serum).", again.Text);
        Assert.Contains("2 members already had a reminder today and won't get another.", again.Text);
        Assert.StartsWith("📣 1 member of Glow Serum", withDan.Text);
        Assert.Equal(3, sameDay);
        Assert.StartsWith("📣 3 members of Glow Serum", nextDay.Text);
        Assert.Equal(6, (await chat.NudgesAsync()).Count(n => n.Kind == NudgeKind.Reminder));
    }

    [Fact]
    public async Task Reminders_count_towards_the_weekly_cap_like_other_promotional_nudges()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync(new Dictionary<string, string?> { ["Nudges:MaxPerWeek"] = "1" });
        await chat.SendAsync("admin", "/campaign remind glow-serum");
        await chat.DispatchAsync();
        chat.Time.Advance(TimeSpan.FromDays(1));

        await chat.SendAsync("admin", "/campaign remind glow-serum");
        await chat.DispatchAsync();

        Assert.Single(chat.To("bob"));
        var held = (await chat.NudgesAsync()).Where(n => n.Kind == NudgeKind.Reminder && n.State == NudgeState.Pending).ToList();
        Assert.Equal(2, held.Count);
        Assert.All(held, n => Assert.Equal(chat.Time.GetUtcNow().UtcDateTime.AddDays(6), n.DueAt));
    }

    [Theory]
    [InlineData("/campaign pause glow-serum", "Glow Serum (glow-serum) is paused and isn't taking sign-ups, so no reminders were sent.")]
    [InlineData("/campaign end glow-serum", "Glow Serum (glow-serum) is ended and isn't taking sign-ups, so no reminders were sent.")]
    [InlineData("/campaign set glow-serum ends 2026-11-24", "Glow Serum (glow-serum) is past its end date and isn't taking sign-ups, so no reminders were sent.")]
    public async Task A_campaign_that_takes_no_sign_ups_is_not_reminded(string close, string answer)
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("admin", close);

        var said = await chat.SendAsync("admin", "/campaign remind glow-serum");

        Assert.Equal(answer, said.Text);
        Assert.DoesNotContain(await chat.NudgesAsync(), n => n.Kind == NudgeKind.Reminder);
    }

    [Theory]
    [InlineData("admin", "/campaign remind nope", "There is no campaign called “nope”")]
    [InlineData("admin", "/campaign remind", "Campaigns:")]
    [InlineData("bob", "/campaign remind glow-serum", "is for campaign admins. Nothing was changed.")]
    public async Task Bad_input_and_non_admins_change_nothing(string user, string text, string answer)
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();

        var said = await chat.SendAsync(user, text);

        Assert.Contains(answer, said.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await chat.NudgesAsync(), n => n.Kind == NudgeKind.Reminder);
    }
}
