using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Payouts;

public sealed class PayoutScriptTests
{
    private static readonly Dictionary<string, string?> Sgd = new() { ["Bot:DefaultCurrency"] = "SGD" };

    /// <summary>Jane (JANE20, influencer, 10%) and Alex (a customer; referrer reward 5), SGD, a 30-day hold, payouts from 10.</summary>
    private static async Task<(ChatScript Chat, string Alex)> CampaignAsync()
    {
        var chat = await ChatScript.StartAsync(Sgd);
        await chat.SendAsync("jane", "/start", "Jane");
        var alex = (await chat.SendAsync("alex", "/start", "Alex")).Code;
        await chat.SendAsync("admin", "/influencer glow-serum test:jane JANE20");
        await chat.SendAsync("admin", "/campaign set glow-serum referrer-reward 5");
        return (chat, alex);
    }

    [Fact]
    public async Task The_ledger_adds_up_at_every_step_of_a_campaign_with_refunds_before_and_after_a_payout()
    {
        var (chat, alex) = await CampaignAsync();
        await using var _ = chat;

        await chat.SendAsync("admin", "/confirm 1001 JANE20 200");
        await chat.SendAsync("admin", "/confirm 1002 JANE20 50");
        await chat.SendAsync("admin", $"/confirm 2001 {alex} 30");
        Assert.Equal((25m, 0m), Standing(await PayoutLedger.BalancedAsync(chat, "JANE20")));
        Assert.Equal((5m, 0m), Standing(await PayoutLedger.BalancedAsync(chat, alex)));

        chat.Time.Advance(TimeSpan.FromDays(5));
        await chat.SendAsync("admin", "/refund 1002"); // inside the hold: reversed while pending
        Assert.Equal((20m, 0m), Standing(await PayoutLedger.BalancedAsync(chat, "JANE20")));

        chat.Time.Advance(TimeSpan.FromDays(26)); // 2026-12-25: everything is past its hold
        Assert.Equal((0m, 20m), Standing(await PayoutLedger.BalancedAsync(chat, "JANE20")));
        Assert.Equal((0m, 5m), Standing(await PayoutLedger.BalancedAsync(chat, alex)));

        await chat.SendAsync("jane", "/payto paynow +65 9123 4567");
        var run = await chat.SendAsync("admin", "/payouts run");
        var inPayment = await PayoutLedger.BalancedAsync(chat, "JANE20");
        Assert.Contains("Batch 1 for Glow Serum: 1 transfer, 20.00 SGD", run.Text);
        Assert.Equal((0m, 0m, 20m, 0m), (inPayment.Pending, inPayment.Payable, inPayment.InPayment, inPayment.Paid));
        Assert.Equal((0m, 5m), Standing(await PayoutLedger.BalancedAsync(chat, alex))); // below the minimum of 10

        var paid = await chat.SendAsync("admin", "/payouts paid 1");
        var afterPaid = await PayoutLedger.BalancedAsync(chat, "JANE20");
        Assert.Contains("Batch 1 marked paid: 1 transfer, 20.00 SGD", paid.Text);
        Assert.Equal((0m, 20m), (afterPaid.InPayment, afterPaid.Paid));

        chat.Time.Advance(TimeSpan.FromDays(1));
        await chat.SendAsync("admin", "/refund 1001"); // after its reward was paid out
        var owing = await PayoutLedger.BalancedAsync(chat, "JANE20");
        Assert.Equal((0m, 20m, 20m), (owing.Payable, owing.OwedBack, owing.Paid));
        Assert.Contains("↩️ Owed back 20.00 SGD", (await chat.SendAsync("jane", "/earnings")).Text);
        Assert.Contains("Owed back (refunded after a payout; netted off their next payouts): Jane (JANE20) 20.00 SGD", (await chat.SendAsync("admin", "/report")).Text);

        await chat.SendAsync("admin", "/confirm 1003 JANE20 300");
        Assert.Equal((30m, 0m), Standing(await PayoutLedger.BalancedAsync(chat, "JANE20")));
        chat.Time.Advance(TimeSpan.FromDays(31));
        var netted = await PayoutLedger.BalancedAsync(chat, "JANE20");
        Assert.Equal((0m, 10m, 0m), (netted.Pending, netted.Payable, netted.OwedBack)); // 30 earned less the 20 owed back

        var second = await chat.SendAsync("admin", "/payouts run");
        Assert.Contains("Batch 2 for Glow Serum: 1 transfer, 10.00 SGD", second.Text);
        Assert.Equal(10m, (await PayoutLedger.BalancedAsync(chat, "JANE20")).InPayment);

        var cancelled = await chat.SendAsync("admin", "/payouts cancel 2");
        var again = await PayoutLedger.BalancedAsync(chat, "JANE20");
        Assert.Contains("Batch 2 cancelled: its 10.00 SGD is payable again", cancelled.Text);
        Assert.Equal((10m, 0m, 20m), (again.Payable, again.InPayment, again.Paid));

        var third = await chat.SendAsync("admin", "/payouts run");
        Assert.Contains("Batch 3 for Glow Serum: 1 transfer, 10.00 SGD", third.Text);
        await PayoutLedger.BalancedAsync(chat, "JANE20");
        await PayoutLedger.BalancedAsync(chat, alex);
    }

    [Fact]
    public async Task A_run_sends_a_payout_file_with_the_full_details_and_paid_tells_each_person_in_chat()
    {
        var (chat, alex) = await CampaignAsync();
        await using var _ = chat;
        await chat.SendAsync("admin", "/confirm 1001 JANE20 455");
        await chat.SendAsync("admin", "/confirm 1002 JANE20 100");
        for (var i = 0; i < 3; i++) await chat.SendAsync("admin", $"/confirm 200{i} {alex} 30");
        chat.Time.Advance(TimeSpan.FromDays(31));
        await chat.SendAsync("jane", "/payto paynow +65 9123 4567");
        await chat.SendAsync("alex", "/payto bank Alex Lim; OCBC; 501-234567-001");

        var listed = await chat.SendAsync("admin", "/payouts");
        var run = await chat.SendAsync("admin", "/payouts run glow-serum");
        var paid = await chat.SendAsync("admin", "/payouts paid 1");

        Assert.Contains("• Jane (JANE20): 55.50 SGD → PayNow …4567", listed.Text);
        Assert.Contains($"• Alex ({alex}): 15.00 SGD → OCBC account …7001", listed.Text);
        Assert.Contains("Ready to pay (2, 70.50 SGD)", listed.Text);
        var file = run.Replies.OfType<DocumentReply>().Single();
        Assert.Equal("payouts-glow-serum-batch-1.csv", file.FileName);
        var rows = Rows(file);
        Assert.Equal(["name", "code", "method", "account", "bank", "amount", "currency", "reference"], rows[0]);
        Assert.Equal(["Jane", "JANE20", "paynow-mobile", "+6591234567", "", "55.50", "SGD", "RB-2026-12-0001"], rows[1]);
        Assert.Equal(["Alex Lim", alex, "bank", "501234567001", "OCBC", "15.00", "SGD", "RB-2026-12-0002"], rows[2]);
        Assert.Contains("✅ Batch 1 marked paid: 2 transfers, 70.50 SGD", paid.Text);
        var notices = await PayoutLedger.MessagesAsync(chat, "payout-paid:");
        Assert.Equal(
            ["💸 55.50 SGD sent to your PayNow …4567, reference RB-2026-12-0001, for Glow Serum. Thank you for spreading the word! /earnings has the details.",
             "💸 15.00 SGD sent to your OCBC account …7001, reference RB-2026-12-0002, for Glow Serum. Thank you for spreading the word! /earnings has the details."],
            notices);
        var earnings = await chat.SendAsync("jane", "/earnings");
        Assert.Contains("💸 Paid 55.50 SGD", earnings.Text);
        Assert.Contains("· 55.50 SGD to PayNow …4567, paid now, reference RB-2026-12-0001", earnings.Text);
        var audit = await chat.DbAsync(db => db.Set<AuditEntry>().Where(a => a.Action.StartsWith("payouts")).OrderBy(a => a.Id).Select(a => a.Action + ": " + a.NewValue).ToListAsync());
        Assert.Equal(["payouts run: batch 1: 2 lines, 70.50 SGD", "payouts paid: batch 1 paid"], audit);
    }

    [Fact]
    public async Task A_batch_is_settled_once_and_a_bad_or_unknown_batch_changes_nothing()
    {
        var (chat, _) = await CampaignAsync();
        await using var __ = chat;
        await chat.SendAsync("admin", "/confirm 1001 JANE20 200");
        chat.Time.Advance(TimeSpan.FromDays(31));
        await chat.SendAsync("jane", "/payto paypal jane@example.com");
        await chat.SendAsync("admin", "/payouts run");
        await chat.SendAsync("admin", "/payouts paid 1");

        var paidAgain = await chat.SendAsync("admin", "/payouts paid 1");
        var cancelPaid = await chat.SendAsync("admin", "/payouts cancel 1");
        var unknown = await chat.SendAsync("admin", "/payouts paid 9");
        var bad = await chat.SendAsync("admin", "/payouts cancel first");
        var nobody = await chat.SendAsync("admin", "/payouts run");
        var notAdmin = await chat.SendAsync("jane", "/payouts run");

        Assert.Contains("Batch 1 was already paid now by test:admin, so it can't be marked paid now. Nothing was changed.", paidAgain.Text);
        Assert.Contains("so it can't be cancelled now", cancelPaid.Text);
        Assert.Contains("There is no payout batch 9", unknown.Text);
        Assert.Contains("/payouts cancel BATCH", bad.Text);
        Assert.Contains("Nobody in Glow Serum is ready to be paid", nobody.Text);
        Assert.Contains("is for campaign admins", notAdmin.Text);
        Assert.Equal(1, await chat.CountAsync<PayoutBatch>());
        Assert.Single(await PayoutLedger.MessagesAsync(chat, "payout-paid:"));
        Assert.Equal(20m, (await PayoutLedger.BalancedAsync(chat, "JANE20")).Paid);
    }

    [Fact]
    public async Task Someone_payable_without_details_is_asked_for_them_at_most_once_a_week()
    {
        var (chat, _) = await CampaignAsync();
        await using var __ = chat;
        await chat.SendAsync("admin", "/confirm 1001 JANE20 200");
        chat.Time.Advance(TimeSpan.FromDays(31));

        var first = await chat.SendAsync("admin", "/payouts");
        var run = await chat.SendAsync("admin", "/payouts run");
        chat.Time.Advance(TimeSpan.FromDays(6));
        await chat.SendAsync("admin", "/payouts");
        chat.Time.Advance(TimeSpan.FromDays(1.5));
        var week = await chat.SendAsync("admin", "/payouts");

        Assert.Contains("Payable, but no payout details (1)", first.Text);
        Assert.Contains("• Jane (JANE20): 20.00 SGD", first.Text);
        Assert.Contains("I asked 1 person to send /payto", first.Text);
        Assert.Contains("Nobody in Glow Serum is ready to be paid", run.Text);
        Assert.Contains("They were asked this week", run.Text);
        Assert.Contains("I asked 1 person to send /payto", week.Text);
        var asked = await PayoutLedger.MessagesAsync(chat, "payto-reminder:");
        Assert.Equal(2, asked.Count);
        Assert.StartsWith("💰 You have 20.00 SGD to be paid out from Glow Serum", asked[0], StringComparison.Ordinal);
        Assert.Equal(0, await chat.CountAsync<PayoutBatch>());
    }

    [Fact]
    public async Task The_report_and_the_export_show_where_the_money_stands()
    {
        var (chat, _) = await CampaignAsync();
        await using var __ = chat;
        await chat.SendAsync("admin", "/confirm 1001 JANE20 200");
        chat.Time.Advance(TimeSpan.FromDays(31));
        await chat.SendAsync("admin", "/confirm 1002 JANE20 100");
        await chat.SendAsync("jane", "/payto paynow 91234567");
        await chat.SendAsync("admin", "/payouts run");
        await chat.SendAsync("admin", "/payouts paid 1");

        var report = await chat.SendAsync("admin", "/report");
        var export = await chat.SendAsync("admin", "/export");

        Assert.Contains("Rewards: 10.00 SGD pending, 0.00 SGD payable, 20.00 SGD paid (/payouts)", report.Text);
        var payouts = Rows(export.Replies.OfType<DocumentReply>().Single(d => d.FileName.StartsWith("payouts-", StringComparison.Ordinal)));
        Assert.Equal(["batch", "state", "created_at", "settled_at", "reference", "code", "name", "method", "account", "amount", "currency"], payouts[0]);
        Assert.Equal(["1", "paid", "2026-12-25T09:00:00Z", "2026-12-25T09:00:00Z", "RB-2026-12-0001", "JANE20", "Jane", "paynow", "PayNow …4567", "20.00", "SGD"], payouts[1]);
        Assert.DoesNotContain("91234567", System.Text.Encoding.UTF8.GetString(export.Replies.OfType<DocumentReply>().Last().Content));
    }

    private static (decimal Pending, decimal Payable) Standing(Rewards.Earnings money) => (money.Pending, money.Payable);

    private static List<string[]> Rows(DocumentReply document)
    {
        using var reader = new CsvParser(new StreamReader(new MemoryStream(document.Content)), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(reader.Record!);
        return rows;
    }
}
