using ReferralBot.Core.Nudges;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Nudges;

public sealed class NudgeScheduleScriptTests
{
    [Fact]
    public async Task A_purchase_tells_the_referrer_at_once_thanks_the_buyer_later_and_asks_them_to_share_again_after_that()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();

        await chat.BuysAsync("1001", "bob");
        await chat.DispatchAsync();
        var atOnce = (chat.To("jane").Last(), chat.To("bob").Count);
        chat.Time.Advance(TimeSpan.FromMinutes(9));
        await chat.DispatchAsync();
        var beforeThanks = chat.To("bob").Count;
        chat.Time.Advance(TimeSpan.FromMinutes(1));
        await chat.DispatchAsync();
        var thanks = chat.To("bob").Single();
        chat.Time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(10));
        await chat.DispatchAsync();

        Assert.Equal("🛍 Your referral just bought: you earned 8.00 SGD. That's 1 purchase, 9 more to Silver.", atOnce.Item1);
        Assert.Equal(0, atOnce.Count);
        Assert.Equal(0, beforeThanks);
        var bobCode = (await chat.SendAsync("bob", "/code")).Code;
        Assert.StartsWith($"Thank you for your order, Bob! 💛\nLoved it? Share your own code {bobCode}: https://ref.example.sg/r/{bobCode}", thanks);
        var share = Assert.Single(chat.SaidTo("bob")[0].Buttons, b => b.Kind == ReferralBot.Core.Conversation.ButtonKind.Share);
        Assert.Equal($"https://ref.example.sg/r/{bobCode}?s=tg", share.Value);
        Assert.Equal($"I'm part of Glow Serum. Join with my code {bobCode}.", share.ShareText);
        var shareAgain = chat.To("bob")[1];
        Assert.StartsWith($"Hi Bob! Enjoying Glow Serum? 🌟 Your friends can still join with your code {bobCode}", shareAgain);
        Assert.All(await chat.NudgesAsync(), n => Assert.Equal(NudgeState.Queued, n.State));
    }

    [Fact]
    public async Task Share_again_is_skipped_when_the_buyer_has_referred_someone_since()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.BuysAsync("1001", "bob");
        chat.Time.Advance(TimeSpan.FromDays(1));
        var bobCode = (await chat.SendAsync("bob", "/code")).Code;
        await chat.SendAsync("mei", $"/start {bobCode}");

        chat.Time.Advance(TimeSpan.FromDays(2));
        await chat.DispatchAsync();

        var shareAgain = (await chat.NudgesAsync()).Single(n => n.Kind == NudgeKind.ShareAgain);
        Assert.Equal((NudgeState.Skipped, "shared"), (shareAgain.State, shareAgain.Reason));
        Assert.DoesNotContain(chat.To("bob"), t => t.StartsWith("Hi Bob!", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_purchase_confirmation_plans_one_set_of_nudges()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();

        await chat.BuysAsync("1001", "bob");
        await chat.BuysAsync("1001", "bob");
        await chat.SendAsync("admin", "/confirm 1001 JANE20 80");
        chat.Time.Advance(TimeSpan.FromDays(4));
        await chat.DispatchAsync();
        await chat.DispatchAsync();

        Assert.Equal([NudgeKind.ReferrerPurchase, NudgeKind.ThankYou, NudgeKind.ShareAgain], (await chat.NudgesAsync()).Select(n => n.Kind));
        Assert.Single(chat.To("jane"), t => t.StartsWith("🛍", StringComparison.Ordinal));
        Assert.Equal(2, chat.To("bob").Count);
    }

    [Fact]
    public async Task A_refund_before_the_buyers_nudges_go_out_cancels_them()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.BuysAsync("1001", "bob");
        await chat.DispatchAsync();

        await chat.RefundsAsync("1001");
        chat.Time.Advance(TimeSpan.FromDays(4));
        await chat.DispatchAsync();

        var nudges = await chat.NudgesAsync();
        Assert.Equal(NudgeState.Queued, nudges.Single(n => n.Kind == NudgeKind.ReferrerPurchase).State);
        Assert.All(nudges.Where(n => n.Kind != NudgeKind.ReferrerPurchase), n => Assert.Equal((NudgeState.Cancelled, "refunded"), (n.State, n.Reason)));
        Assert.Empty(chat.To("bob"));
    }

    [Fact]
    public async Task A_tier_up_is_congratulated_with_the_new_rate()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("admin", "/tier glow-serum Silver 2 15");
        await chat.BuysAsync("1001", "bob");

        await chat.BuysAsync("1002", "bob");
        await chat.DispatchAsync();

        Assert.Contains("🛍 Your referral just bought: you earned 8.00 SGD. That's 2 purchases, 48 more to Gold.", chat.To("jane"));
        Assert.Contains("🏆 Congratulations, Jane! You reached Silver in Glow Serum: from now on you earn 15% on every purchase through your code JANE20. 48 more purchases to Gold.", chat.To("jane"));
    }

    [Fact]
    public async Task A_buyer_who_cannot_be_reached_in_chat_is_skipped()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.DbAsync(async db =>
        {
            var bob = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.People, p => p.ExternalId == "bob");
            bob.UnreachableAt = chat.Time.GetUtcNow().UtcDateTime;
            return await db.SaveChangesAsync();
        });
        await chat.BuysAsync("1001", "bob");

        chat.Time.Advance(TimeSpan.FromMinutes(10));
        await chat.DispatchAsync();

        var thanks = (await chat.NudgesAsync()).Single(n => n.Kind == NudgeKind.ThankYou);
        Assert.Equal((NudgeState.Skipped, "unreachable"), (thanks.State, thanks.Reason));
    }
}
