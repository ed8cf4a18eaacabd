using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Members;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Claims;

public sealed class ClaimRaceTests
{
    // A claim writes the new membership, its customer code and the claim together. Found by the claims benchmark: when
    // another sign-up took the same customer code in between, the claim was decided again without its claimant in the
    // context, and the welcome card failed ("something went wrong") although the claim then stood.
    // /claim takes the general path (ClaimService); a deep link by someone new is written by FreshClaims instead,
    // one item at a time, where nothing can come in between.
    [Fact]
    public async Task A_claim_whose_new_code_is_taken_just_before_it_saves_is_decided_again_and_welcomes_the_friend()
    {
        var race = new TakeTheNewCode();
        await using var chat = await ChatScript.StartAsync(services => services.ConfigureDbContext<ReferralBotDbContext>(o => o.AddInterceptors(race)));
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        race.Armed = true;

        var said = await chat.SendAsync("bob", $"/claim {jane}");

        Assert.NotNull(race.Taken);
        Assert.Contains("You're in!", said.Text, StringComparison.Ordinal);
        var bobs = await chat.DbAsync(db => db.Codes.Where(c => c.Member.Person.ExternalId == "bob").Select(c => c.Value).ToListAsync());
        Assert.Equal(bobs.Single(), said.Code);
        Assert.NotEqual(race.Taken, said.Code);
        Assert.Equal("jane", await chat.DbAsync(db => db.Codes.Where(c => c.Value == race.Taken).Select(c => c.Member.Person.ExternalId).SingleAsync()));
        Assert.Equal(1, await chat.CountAsync<Claim>());
    }

    /// <summary>
    /// Just before the first claim's transaction begins, a code equal to its new member's is written, and committed, by
    /// someone else. (Written inside that transaction, as the save started, it went with the rollback, and the retry
    /// could draw the same random code again: the test failed about once in a hundred runs.)
    /// </summary>
    private sealed class TakeTheNewCode : DbTransactionInterceptor
    {
        public bool Armed { get; set; }

        public string? Taken { get; private set; }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            await TakeAsync((ReferralBotDbContext)eventData.Context!, cancellationToken);
            return result;
        }

        // Inside the message's transaction the claim's writes begin with a savepoint instead.
        public override async ValueTask<InterceptionResult> CreatingSavepointAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            await TakeAsync((ReferralBotDbContext)eventData.Context!, cancellationToken);
            return result;
        }

        private async Task TakeAsync(ReferralBotDbContext db, CancellationToken cancellationToken)
        {
            if (!Armed || Taken is not null || !db.ChangeTracker.Entries<Claim>().Any(e => e.State == EntityState.Added)) return;

            Taken = db.ChangeTracker.Entries<ReferralCode>().Single(e => e.State == EntityState.Added).Entity.Value;
            var owner = await db.Codes.AsNoTracking().Where(c => c.Member.Person.ExternalId == "jane").Select(c => c.MemberId).FirstAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "Codes" ("Value", "MemberId", "IsPrimary", "CreatedAt") VALUES ({Taken}, {owner}, FALSE, {DateTime.UtcNow})""", cancellationToken);
        }
    }
}
