using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Payouts;

/// <summary>Checks of a member's money against the ledger itself, and the messages the bot stored for people.</summary>
internal static class PayoutLedger
{
    /// <summary>
    /// The member's earnings as the service reckons them, after checking that they add up: pending + payable + in
    /// payment + paid − owed back = earned − reversed; every ledger line of theirs summed = pending + payable − owed
    /// back; and what their batches hold matches what is in payment and paid.
    /// </summary>
    public static async Task<Earnings> BalancedAsync(ChatScript chat, string code)
    {
        await using var scope = chat.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var member = await db.Members.Include(m => m.Campaign).SingleAsync(m => m.Codes.Any(c => c.Value == code));
        var money = await scope.ServiceProvider.GetRequiredService<EarningsQuery>().ForAsync(member, CancellationToken.None);
        var entries = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.MemberId == member.Id && e.Kind != LedgerKind.Discount).ToListAsync();
        var rewards = entries.Where(e => e.Kind != LedgerKind.Payout).ToList();
        var lines = await db.Set<PayoutLine>().AsNoTracking().Include(l => l.Batch).Where(l => l.MemberId == member.Id).ToListAsync();

        Assert.Equal(rewards.Where(e => e.ReversesEntryId == null).Sum(e => e.Amount), money.Earned);
        Assert.Equal(-rewards.Where(e => e.ReversesEntryId != null).Sum(e => e.Amount), money.Reversed);
        Assert.Equal(money.Earned - money.Reversed, money.Pending + money.Payable + money.InPayment + money.Paid - money.OwedBack);
        Assert.Equal(entries.Sum(e => e.Amount), money.Pending + money.Payable - money.OwedBack);
        Assert.Equal(lines.Where(l => l.Batch.State == PayoutBatchState.Open).Sum(l => l.Amount), money.InPayment);
        Assert.Equal(lines.Where(l => l.Batch.State == PayoutBatchState.Paid).Sum(l => l.Amount), money.Paid);
        Assert.True(money.Payable == 0m || money.OwedBack == 0m);
        return money;
    }

    /// <summary>The text of the stored messages whose key starts with <paramref name="keyPrefix"/>, oldest first.</summary>
    public static async Task<List<string>> MessagesAsync(ChatScript chat, string keyPrefix) =>
        (await chat.DbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Key.StartsWith(keyPrefix)).OrderBy(m => m.Id).ToListAsync()))
        .Select(m => new Said(Outbox.Read(m)).Text)
        .ToList();
}
