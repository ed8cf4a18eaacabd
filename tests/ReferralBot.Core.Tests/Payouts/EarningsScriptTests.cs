using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Payouts;

public sealed class EarningsScriptTests
{
    private static readonly Dictionary<string, string?> Sgd = new() { ["Bot:DefaultCurrency"] = "SGD" };

    private static async Task<ChatScript> JaneAsync()
    {
        var chat = await ChatScript.StartAsync(Sgd);
        await chat.SendAsync("jane", "/start", "Jane");
        await chat.SendAsync("admin", "/influencer glow-serum test:jane JANE20");
        return chat;
    }

    [Fact]
    public async Task A_reward_is_pending_through_the_hold_and_payable_once_its_purchase_is_older()
    {
        await using var chat = await JaneAsync();
        await chat.SendAsync("admin", "/confirm 1001 JANE20 100");
        chat.Time.Advance(TimeSpan.FromDays(10));
        await chat.SendAsync("admin", "/confirm 1002 JANE20 50");

        var early = await chat.SendAsync("jane", "/earnings");
        chat.Time.Advance(TimeSpan.FromDays(20));
        var first = await chat.SendAsync("jane", "/earnings");
        var stats = await chat.SendAsync("jane", "/stats");
        chat.Time.Advance(TimeSpan.FromDays(10));
        var both = await chat.SendAsync("jane", "/earnings");

        Assert.Contains("💰 Earned 15.00 SGD", early.Text);
        Assert.Contains("⏳ Pending 15.00 SGD (held for the return window)", early.Text);
        Assert.Contains("· 10.00 SGD payable in 20 days", early.Text);
        Assert.Contains("· 5.00 SGD payable in 30 days", early.Text);
        Assert.Contains("✅ Payable now 0.00 SGD", early.Text);
        Assert.Contains("⏳ Pending 5.00 SGD", first.Text);
        Assert.Contains("✅ Payable now 10.00 SGD", first.Text);
        Assert.Contains("💰 Earned 15.00 SGD, 10.00 SGD payable", stats.Text);
        Assert.Contains("⏳ Pending 0.00 SGD", both.Text);
        Assert.Contains("✅ Payable now 15.00 SGD", both.Text);
        Assert.Contains("send /payto", both.Text);
    }

    [Fact]
    public async Task A_refund_inside_the_hold_reverses_the_reward_while_it_is_still_pending()
    {
        await using var chat = await JaneAsync();
        await chat.SendAsync("admin", "/confirm 1001 JANE20 100");
        await chat.SendAsync("admin", "/confirm 1002 JANE20 40");
        chat.Time.Advance(TimeSpan.FromDays(5));
        await chat.SendAsync("admin", "/refund 1002");

        var pending = await chat.SendAsync("jane", "/earnings");
        chat.Time.Advance(TimeSpan.FromDays(30));
        var payable = await chat.SendAsync("jane", "/earnings");

        Assert.Contains("💰 Earned 14.00 SGD, less 4.00 SGD for refunded purchases", pending.Text);
        Assert.Contains("⏳ Pending 10.00 SGD", pending.Text);
        Assert.Contains("✅ Payable now 0.00 SGD", pending.Text);
        Assert.Contains("✅ Payable now 10.00 SGD", payable.Text);
        Assert.DoesNotContain("Owed back", payable.Text);
    }

    [Fact]
    public async Task The_hold_is_fixed_when_a_reward_is_earned_and_a_new_setting_applies_to_new_rewards()
    {
        await using var chat = await JaneAsync();
        await chat.SendAsync("admin", "/campaign set glow-serum flat-fee 50");
        await chat.SendAsync("admin", "/confirm 1001 JANE20 100");
        await chat.SendAsync("admin", "/campaign set glow-serum hold 7");
        await chat.SendAsync("admin", "/confirm 1002 JANE20 30");

        chat.Time.Advance(TimeSpan.FromDays(8));
        var week = await chat.SendAsync("jane", "/earnings");

        // 1002's 3.00 is past its 7 days; 1001's 10.00 and the flat fee earned with it keep their 30.
        Assert.Contains("✅ Payable now 3.00 SGD", week.Text);
        Assert.Contains("⏳ Pending 60.00 SGD", week.Text);
        Assert.Contains("· 60.00 SGD payable in 22 days", week.Text);
    }

    [Fact]
    public async Task A_hold_of_zero_makes_rewards_payable_at_once()
    {
        await using var chat = await JaneAsync();
        await chat.SendAsync("admin", "/campaign set glow-serum hold 0");
        await chat.SendAsync("admin", "/confirm 1001 JANE20 100");

        var said = await chat.SendAsync("jane", "/earnings");

        Assert.Contains("⏳ Pending 0.00 SGD\n", said.Text);
        Assert.Contains("✅ Payable now 10.00 SGD", said.Text);
    }

    [Fact]
    public async Task Someone_with_no_code_or_naming_another_campaign_is_told_so()
    {
        await using var chat = await JaneAsync();

        var stranger = await chat.SendAsync("nobody", "/earnings");
        var other = await chat.SendAsync("jane", "/earnings other-campaign");

        Assert.Contains("You don't have a code yet", stranger.Text);
        Assert.Contains("I don't know a campaign called “other-campaign”", other.Text);
    }
}
