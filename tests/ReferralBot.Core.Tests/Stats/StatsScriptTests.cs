using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Stats;

public sealed class StatsScriptTests
{
    [Fact]
    public async Task Stats_of_a_new_member_are_all_zero()
    {
        await using var chat = await ChatScript.StartAsync();
        var code = (await chat.SendAsync("jane", "/start")).Code;

        var said = await chat.SendAsync("jane", "/stats");

        Assert.Contains($"Glow Serum · code {code}", said.Text);
        Assert.Contains("0 clicks", said.Text);
        Assert.Contains("0 sign-ups", said.Text);
        Assert.Contains("0 purchases", said.Text);
    }

    [Fact]
    public async Task Stats_count_clicks_and_sign_ups_in_plain_words()
    {
        await using var chat = await ChatScript.StartAsync();
        var code = (await chat.SendAsync("jane", "/start")).Code;
        await chat.ClickAsync(code, "ig");
        await chat.ClickAsync(code);
        chat.Time.Advance(TimeSpan.FromHours(1));
        await chat.SendAsync("bob", $"/start {code}");
        chat.Time.Advance(TimeSpan.FromHours(1));
        await chat.ClickAsync(code, "qr");
        chat.Time.Advance(TimeSpan.FromHours(2));

        var said = await chat.SendAsync("jane", "/stats");

        Assert.Contains("3 clicks, last one 2 hours ago", said.Text);
        Assert.Contains("1 sign-up, last one 3 hours ago", said.Text);
        Assert.Contains("0 purchases", said.Text);
    }

    [Fact]
    public async Task Another_members_activity_does_not_count_for_you()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("jane", "/start");
        var mike = (await chat.SendAsync("mike", "/start")).Code;
        await chat.ClickAsync(mike);
        await chat.SendAsync("bob", $"/claim {mike}");

        var said = await chat.SendAsync("jane", "/stats");

        Assert.Contains("0 clicks", said.Text);
        Assert.Contains("0 sign-ups", said.Text);
    }

    [Fact]
    public async Task Stats_before_joining_point_to_start_and_join_nothing()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("jane", "/stats");

        Assert.Contains("You don't have a code yet. Send /start", said.Text);
        Assert.Equal(0, await chat.CountAsync<ReferralBot.Core.Members.Member>());
    }
}
