using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Review;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Review;

/// <summary>An admin working the review queue in chat, and what each decision does to the money.</summary>
public sealed class ReviewScriptTests
{
    [Fact]
    public async Task A_flagged_reward_is_under_review_and_once_rejected_is_reversed_never_paid_and_its_member_told()
    {
        await using var chat = await FlaggedSelfReferralAsync();

        var earnings = await chat.SendAsync("jane", "/earnings", "Jane Tan");
        Assert.Contains("🔎 Being checked 12.00 SGD", earnings.Text);
        Assert.Contains("✅ Payable now 0.00 SGD", earnings.Text);
        Assert.Contains("Nobody in Glow Serum is ready to be paid", (await chat.SendAsync("admin", "/payouts run")).Text);

        var queue = await chat.SendAsync("admin", "/review");
        Assert.Contains("1 open case, newest first:", queue.Text);
        Assert.Contains("#1 " + await chat.CodeOfAsync("jane") + " (Jane Tan), now, glow-serum: order S-1 was bought by other:jane2, who has the owner's name, jane tan, in another channel · its rewards on hold", queue.Text);

        var rejected = await chat.SendAsync("admin", "/review reject 1 the same person");

        Assert.Equal("🚫 Case #1 rejected: 1 reward reversed; the member was told, politely.", rejected.Text);
        var notice = await NoticeToAsync(chat, "jane");
        Assert.StartsWith("Hi Jane Tan, we checked a reward from your code", notice, StringComparison.Ordinal);
        Assert.Contains("(the same person)", notice);
        var after = await chat.SendAsync("jane", "/earnings", "Jane Tan");
        Assert.DoesNotContain("Being checked", after.Text);
        Assert.Contains("less 12.00 SGD", after.Text);
        Assert.Contains("Nobody in Glow Serum is ready to be paid", (await chat.SendAsync("admin", "/payouts run")).Text);
        Assert.Equal(0m, await chat.DbAsync(db => db.Set<LedgerEntry>().Where(e => e.Kind == LedgerKind.ReferrerReward).SumAsync(e => (double)e.Amount)).ContinueWith(t => (decimal)t.Result));
        Assert.Contains("review.reject 1", await chat.DbAsync(db => db.Set<AuditEntry>().Select(a => a.Action).ToListAsync()));
        Assert.Contains("Nothing to review", (await chat.SendAsync("admin", "/review")).Text);
    }

    [Fact]
    public async Task An_approved_case_lets_its_rewards_be_paid()
    {
        await using var chat = await FlaggedSelfReferralAsync();

        Assert.Equal("✅ Case #1 approved: its rewards go on to be paid as usual (unless another open case holds them).", (await chat.SendAsync("admin", "/review approve #1")).Text);

        Assert.Contains("✅ Payable now 12.00 SGD", (await chat.SendAsync("jane", "/earnings", "Jane Tan")).Text);
        Assert.Contains("Batch 1 for Glow Serum: 1 transfer, 12.00 SGD", (await chat.SendAsync("admin", "/payouts run")).Text);
    }

    [Fact]
    public async Task Blocking_a_code_stops_its_claims_and_rewards_and_rejects_what_of_it_is_under_review()
    {
        await using var chat = await FlaggedSelfReferralAsync();
        var code = await chat.CodeOfAsync("jane");

        var blocked = await chat.SendAsync("admin", $"/review block {code.ToLowerInvariant()}");

        Assert.Equal($"⛔ {code} is blocked: it takes no new claims and earns no new rewards; 1 open case of it rejected.", blocked.Text);
        Assert.Contains($"Sorry, the code {code} can no longer be used.", (await chat.SendAsync("newbie", $"/start {code}")).Text);
        Assert.Contains($"Sorry, the code {code} can no longer be used.", (await chat.SendAsync("other", $"/claim {code}")).Text);
        Assert.Equal(0, await chat.DbAsync(db => db.Claims.CountAsync(c => c.Code == code)));
        var later = await chat.ShopReportsAsync("S-9", code: code, customer: "shop:someone");
        Assert.Equal("code-blocked", later.Summary!.Purchase.NotCreditedReason);
        Assert.Equal(ReviewState.Rejected, (await chat.CasesAsync()).Single().State);
        Assert.Contains($"{code} is blocked already", (await chat.SendAsync("admin", $"/review block {code}")).Text);
    }

    [Fact]
    public async Task The_report_counts_cases_by_how_they_were_decided()
    {
        await using var chat = await FlaggedSelfReferralAsync();
        await chat.SendAsync("admin", "/review approve 1");

        var report = await chat.SendAsync("admin", "/report glow-serum");

        Assert.Contains("🔎 Review: 1 case flagged, 1 approved, 0 rejected", report.Text);
    }

    [Theory]
    [InlineData("eve", "/review", "is for campaign admins")]
    [InlineData("admin", "/review approve x", "“x” isn't a case number")]
    [InlineData("admin", "/review approve 99", "There is no case #99")]
    [InlineData("admin", "/review reject", "Review what the fraud rules flagged")]
    [InlineData("admin", "/review block NOPE42", "There is no code “NOPE42”")]
    [InlineData("admin", "/review block !!", "There is no code “!!”")]
    [InlineData("admin", "/review nowhere", "nowhere")]
    [InlineData("admin", "/review approve 1 2", "/review approve ID")]
    public async Task Bad_review_input_is_answered_and_changes_nothing(string user, string text, string expected)
    {
        await using var chat = await FlaggedSelfReferralAsync();

        var said = await chat.SendAsync(user, text);

        Assert.Contains(expected, said.Text);
        Assert.Equal(ReviewState.Open, (await chat.CasesAsync()).Single().State);
    }

    [Fact]
    public async Task A_decided_case_cannot_be_decided_again()
    {
        await using var chat = await FlaggedSelfReferralAsync();
        await chat.SendAsync("admin", "/review approve 1");

        var again = await chat.SendAsync("admin", "/review reject 1");

        Assert.Equal("Case #1 was approved already by test:admin. Nothing was changed.", again.Text);
        Assert.Equal(12m, (decimal)await chat.DbAsync(db => db.Set<LedgerEntry>().Where(e => e.Kind == LedgerKind.ReferrerReward).SumAsync(e => (double)e.Amount)));
    }

    // The next message the bot sends <paramref name="user"/> of its own accord (replies to what they sent are passed over).
    private static async Task<string> NoticeToAsync(ChatScript chat, string user)
    {
        while (true)
        {
            var (chatId, said) = await chat.Outbound.NextAsync();
            if (chatId == user && said.Text.StartsWith("Hi ", StringComparison.Ordinal)) return said.Text;
        }
    }

    // Jane (payout details on file) earns 12.00 SGD from an order her own other account placed; the scan flags it.
    private static async Task<ChatScript> FlaggedSelfReferralAsync()
    {
        var chat = await ReviewScript.StartAsync();
        await chat.SendAsync("jane", "/start", "Jane Tan");
        await chat.SendAsync("jane", "/payto paynow +65 9123 4567", "Jane Tan");
        await chat.SendOnAsync("other", "jane2", "jane tan", "/start");
        await chat.ShopReportsAsync("S-1", code: await chat.CodeOfAsync("jane"), customer: "other:jane2");
        Assert.Equal(1, await chat.ScanAsync());
        return chat;
    }
}
