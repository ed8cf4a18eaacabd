using System.Text;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Payouts;

public sealed class PayoutInstanceTests
{
    // Data Protection's keys live in the database: what one instance sealed, another opens for the payout file.
    [Fact]
    public async Task Details_sealed_on_one_instance_are_opened_for_the_payout_file_on_another()
    {
        await using var first = await ChatScript.StartOnPostgresAsync(new Dictionary<string, string?> { ["Bot:DefaultCurrency"] = "SGD" });
        await using var second = await first.StartAnotherInstanceAsync();
        await first.SendAsync("jane", "/start", "Jane");
        await first.SendAsync("admin", "/influencer glow-serum test:jane JANE20");
        await first.SendAsync("admin", "/confirm 1001 JANE20 200");
        first.Time.Advance(TimeSpan.FromDays(31));
        await first.SendAsync("jane", "/payto bank Jane Tan; DBS; 123-456789-0");

        var run = await second.SendAsync("admin", "/payouts run");

        var file = Encoding.UTF8.GetString(run.Replies.OfType<DocumentReply>().Single().Content);
        Assert.Contains("Jane Tan,JANE20,bank,1234567890,DBS,20.00,SGD,RB-2026-12-0001", file, StringComparison.Ordinal);
    }
}
