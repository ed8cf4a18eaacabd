using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Members;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Claims;

/// <summary>The fast path of a deep link opened by someone new to its campaign (FreshClaims on the group commit).</summary>
public sealed class FreshClaimTests
{
    [Theory]
    [InlineData(ChatScript.Sqlite)]
    [InlineData(ChatScript.Postgres)] // a transaction of its own, not a group commit
    public async Task A_deep_link_claim_by_someone_new_is_written_without_an_EF_save_and_stores_what_the_general_path_would(string store)
    {
        var saves = new CountSaves();
        await using var chat = await ChatScript.StartOnAsync(store, services: services => services.ConfigureDbContext<ReferralBotDbContext>(o => o.AddInterceptors(saves)));
        var jane = (await chat.SendAsync("jane", "/start", "Jane")).Code;
        saves.Count = 0;

        var said = await chat.SendAsync("bob", $"/start {jane}", "Bob", username: "bobby");

        Assert.Equal(0, saves.Count);
        Assert.Contains($"You joined Glow Serum with Jane's code {jane}", said.Text);
        var bob = await chat.DbAsync(db => db.Members.Include(m => m.Person).Include(m => m.Codes).SingleAsync(m => m.Person.ExternalId == "bob"));
        Assert.Equal(("Bob", "bobby", "bob", MemberRole.Customer), (bob.Person.DisplayName, bob.Person.Username, bob.Person.PrivateChatId, bob.Role));
        Assert.Equal(said.Code, bob.PrimaryCode);
        Assert.True(MemberReference.IsWellFormed(bob.Reference));
        var claim = await chat.DbAsync(db => db.Claims.SingleAsync());
        Assert.Equal((bob.Id, jane, ClaimVia.DeepLink), (claim.ReferredMemberId, claim.Code, claim.Via));
        await chat.Outbound.NextAsync();
        Assert.Contains(chat.Outbound.Delivered, d => d.ChatId == "jane" && d.Said.Text.Contains($"Bob just joined Glow Serum with your code {jane}. That's 1 sign-up so far!", StringComparison.Ordinal));
        // What the person later asks is answered from those rows like any other member's.
        Assert.Contains(said.Code, (await chat.SendAsync("bob", "/code")).Text);
    }

    // On PostgreSQL the forty claims are forty transactions at once: the referrer's count is one row, updated in place.
    [Theory]
    [InlineData(ChatScript.Sqlite)]
    [InlineData(ChatScript.Postgres)]
    public async Task Forty_people_opening_the_same_link_at_once_are_all_claimed_and_the_referrer_hears_each_count_once(string store)
    {
        await using var chat = await ChatScript.StartOnAsync(store);
        var jane = (await chat.SendAsync("jane", "/start", "Jane")).Code;

        var said = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => chat.SendAsync($"friend{i}", $"/start {jane}", "Alex")));

        Assert.All(said, s => Assert.Contains("You're in!", s.Text, StringComparison.Ordinal));
        Assert.Equal(40, said.Select(s => s.Code).Distinct().Count());
        Assert.Equal(40, await chat.CountAsync<Claim>());
        var notices = await chat.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.ChatId == "jane" && m.Key.StartsWith("claim:")).Select(m => m.Payload).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 40), notices.Select(p => int.Parse(System.Text.RegularExpressions.Regex.Match(p, @"(\d+) sign-ups? so far").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public async Task Sign_ups_by_deep_link_and_by_claim_command_are_counted_together_for_the_referrers_notice()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start", "Jane")).Code;

        await chat.SendAsync("bob", $"/start {jane}", "Bob");
        await chat.SendAsync("carol", $"/claim {jane}", "Carol");
        await chat.SendAsync("dan", $"/start {jane}", "Dan");

        var notices = await chat.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.ChatId == "jane" && m.Key.StartsWith("claim:")).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        Assert.Equal(["1 sign-up", "2 sign-ups", "3 sign-ups"], notices.Select(p => System.Text.RegularExpressions.Regex.Match(p, @"\d+ sign-ups?").Value));
        var janes = await chat.DbAsync(db => db.Members.SingleAsync(m => m.Person.ExternalId == "jane"));
        Assert.Equal(3, janes.SignUps);
    }

    [Fact]
    public async Task Someone_known_but_new_to_the_campaign_is_claimed_on_the_fast_path_with_their_new_details()
    {
        var saves = new CountSaves();
        await using var chat = await ChatScript.StartAsync(services => services.ConfigureDbContext<ReferralBotDbContext>(o => o.AddInterceptors(saves)));
        var jane = (await chat.SendAsync("jane", "/start", "Jane")).Code;
        await chat.SendAsync("bob", "/help", "Bobby", username: "bobby");
        await chat.DbAsync(db => db.People.Where(p => p.ExternalId == "bob").ExecuteUpdateAsync(s => s.SetProperty(p => p.UnreachableAt, DateTime.UtcNow)));
        saves.Count = 0;
        chat.Time.Advance(TimeSpan.FromMinutes(5));

        var said = await chat.SendAsync("bob", $"/start {jane}", "Bob");

        Assert.Equal(0, saves.Count);
        Assert.Contains("You're in!", said.Text, StringComparison.Ordinal);
        var bob = await chat.DbAsync(db => db.People.SingleAsync(p => p.ExternalId == "bob"));
        Assert.Equal(("Bob", "bobby", (DateTime?)null), (bob.DisplayName, bob.Username, bob.UnreachableAt));
        Assert.Equal(chat.Time.GetUtcNow().UtcDateTime, bob.LastSeenAt);
        Assert.Equal(2, await chat.CountAsync<Person>());
    }

    [Fact]
    public async Task A_second_deep_link_from_someone_already_in_takes_the_general_path_and_is_refused()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start", "Jane")).Code;
        var carol = (await chat.SendAsync("carol", "/start", "Carol")).Code;
        await chat.SendAsync("bob", $"/start {jane}", "Bob");

        var again = await chat.SendAsync("bob", $"/start {carol}", "Bob");

        Assert.Contains("Jane", again.Text, StringComparison.Ordinal);
        Assert.Equal(1, await chat.CountAsync<Claim>());
    }

    [Fact]
    public async Task A_failed_write_in_a_batch_fails_only_its_own_caller()
    {
        // Batches are SQLite's group commit; on PostgreSQL each claim is a transaction of its own.
        await using var chat = await ChatScript.StartOnAsync(ChatScript.Sqlite);
        var writes = chat.Services.GetRequiredService<GroupCommitWriter>();
        const string insert = """INSERT INTO "InboundReceipt" ("Channel", "ExternalId", "ReceivedAt") VALUES ('test', @p0, @p1)""";

        var first = writes.RunAsync(s => ValueTask.FromResult(s.Execute(insert, "a", DateTime.UtcNow)), CancellationToken.None);
        var failing = writes.RunAsync<int>(s => throw new InvalidOperationException("boom"), CancellationToken.None);
        var duplicate = writes.RunAsync(s => ValueTask.FromResult(s.Execute(insert, "a", DateTime.UtcNow)), CancellationToken.None);
        var last = writes.RunAsync(s => ValueTask.FromResult(s.Execute(insert, "b", DateTime.UtcNow)), CancellationToken.None);

        Assert.Equal(1, await first);
        Assert.Equal("boom", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => duplicate);
        Assert.Equal(1, await last);
        Assert.Equal(["a", "b"], await chat.DbAsync(db => db.Database.SqlQuery<string>($"""SELECT "ExternalId" AS "Value" FROM "InboundReceipt" WHERE "Channel" = 'test' ORDER BY 1""").ToListAsync()));
    }

    /// <summary>EF saves that write a person, a membership or a claim (the outbox's own bookkeeping is not counted).</summary>
    private sealed class CountSaves : SaveChangesInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries().Any(e => e.Entity is Person or Member or Claim && e.State != EntityState.Unchanged)) Count++;
            return ValueTask.FromResult(result);
        }
    }
}
