using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Payouts;

public sealed class PayoutRaceTests
{
    // Both admins' runs read the balances before either writes its batch (the interceptor holds each run's save of its
    // batch until the other run has got there too): one batch is made, the other run finds nobody left.
    // On PostgreSQL, where two messages really run at once; SQLite's single writer has a message's first write wait for
    // the other message's commit, so there the second run reads the first's batch anyway.
    [Fact]
    public async Task Two_admins_running_payouts_at_once_make_one_batch()
    {
        var meet = new MeetAtTheNextNumber();
        var settings = new Dictionary<string, string?> { ["Bot:DefaultCurrency"] = "SGD", ["Bot:Admins:1"] = $"{ChatScript.Channel}:boss" };
        await using var chat = await ChatScript.StartOnAsync(ChatScript.Postgres, settings, services => services.ConfigureDbContext<ReferralBotDbContext>(o => o.AddInterceptors(meet)));
        await chat.SendAsync("jane", "/start", "Jane");
        await chat.SendAsync("admin", "/influencer glow-serum test:jane JANE20");
        await chat.SendAsync("admin", "/confirm 1001 JANE20 200");
        chat.Time.Advance(TimeSpan.FromDays(31));
        await chat.SendAsync("jane", "/payto paynow 91234567");
        meet.Armed = true;

        var answers = await Task.WhenAll(chat.SendAsync("admin", "/payouts run"), chat.SendAsync("boss", "/payouts run"));

        Assert.True(meet.Met, "the two runs did not both read the balances before writing");
        Assert.Single(answers, a => a.Text.Contains("Batch 1 for Glow Serum: 1 transfer, 20.00 SGD", StringComparison.Ordinal));
        Assert.Single(answers, a => a.Text.Contains("Nobody in Glow Serum is ready to be paid", StringComparison.Ordinal));
        Assert.Equal(1, await chat.CountAsync<PayoutBatch>());
        Assert.Equal(1, await chat.DbAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.Kind == LedgerKind.Payout)));
        var jane = await PayoutLedger.BalancedAsync(chat, "JANE20");
        Assert.Equal((0m, 20m), (jane.Payable, jane.InPayment));
    }

    private sealed class MeetAtTheNextNumber : SaveChangesInterceptor
    {
        private readonly TaskCompletionSource both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;

        public bool Armed { get; set; }

        public bool Met => both.Task.IsCompletedSuccessfully;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<PayoutBatch>().Any(e => e.State == EntityState.Added))
            {
                if (Interlocked.Increment(ref arrived) == 2) both.TrySetResult();
                if (arrived <= 2) await both.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }

            return result;
        }
    }
}
