using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Members;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Claims;

/// <summary>
/// One claim use case, two ways to it: a deep link opened by someone new is written on the fast path (FreshClaims, one
/// item of a group commit), <c>/claim</c> on the general one (ClaimService). The same claim must store and say the same,
/// on either store.
/// </summary>
public sealed class ClaimPathTests
{
    [Theory]
    [InlineData("/start {0}", ClaimVia.DeepLink, ChatScript.Sqlite)] // the fast path
    [InlineData("/claim {0}", ClaimVia.Command, ChatScript.Sqlite)]  // the general path
    [InlineData("/start {0}", ClaimVia.DeepLink, ChatScript.Postgres)]
    [InlineData("/claim {0}", ClaimVia.Command, ChatScript.Postgres)]
    public async Task A_first_claim_by_someone_new_stores_and_says_the_same_on_either_path(string command, ClaimVia via, string store)
    {
        await using var chat = await ChatScript.StartOnAsync(store);
        var jane = (await chat.SendAsync("jane", "/start", "Jane")).Code;

        var said = await chat.SendAsync("bob", string.Format(System.Globalization.CultureInfo.InvariantCulture, command, jane), "Bob");

        Assert.Contains($"You joined Glow Serum with Jane's code {jane}", said.Text, StringComparison.Ordinal);
        var bob = await chat.DbAsync(db => db.Members.Include(m => m.Codes).SingleAsync(m => m.Person.ExternalId == "bob"));
        Assert.Equal((MemberRole.Customer, said.Code), (bob.Role, bob.PrimaryCode));
        Assert.True(MemberReference.IsWellFormed(bob.Reference));
        var claim = await chat.DbAsync(db => db.Claims.SingleAsync());
        var janes = await chat.DbAsync(db => db.Members.SingleAsync(m => m.Person.ExternalId == "jane"));
        Assert.Equal((bob.Id, janes.Id, jane, via), (claim.ReferredMemberId, claim.ReferrerMemberId, claim.Code, claim.Via));
        Assert.Equal(1, janes.SignUps);
        var notice = await chat.DbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Key.StartsWith("claim:")));
        Assert.Equal("jane", notice.ChatId);
        var noticeText = System.Text.Json.JsonDocument.Parse(notice.Payload).RootElement[0].GetProperty("html").GetString();
        Assert.Contains("Bob just joined Glow Serum with your code", noticeText, StringComparison.Ordinal);
        Assert.Contains(jane, noticeText, StringComparison.Ordinal);
        Assert.Contains("That's 1 sign-up so far!", noticeText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/start {0}", ChatScript.Sqlite)]
    [InlineData("/claim {0}", ChatScript.Sqlite)]
    [InlineData("/start {0}", ChatScript.Postgres)]
    [InlineData("/claim {0}", ChatScript.Postgres)]
    public async Task A_paused_campaign_refuses_the_claim_the_same_way_on_either_path(string command, string store)
    {
        await using var chat = await ChatScript.StartOnAsync(store);
        var jane = (await chat.SendAsync("jane", "/start", "Jane")).Code;
        await chat.SendAsync("admin", "/campaign pause glow-serum");

        var said = await chat.SendAsync("bob", string.Format(System.Globalization.CultureInfo.InvariantCulture, command, jane), "Bob");

        Assert.Contains("is paused", said.Text, StringComparison.Ordinal);
        Assert.Equal(0, await chat.CountAsync<Claim>());
        Assert.Equal(0, await chat.DbAsync(db => db.Members.CountAsync(m => m.Person.ExternalId == "bob")));
    }
}
