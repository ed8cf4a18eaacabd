using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Purchases;

public sealed class ShopLinkScriptTests
{
    [Fact]
    public async Task A_referred_customer_is_given_a_shop_link_carrying_their_reference_after_the_claim_and_in_code()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;

        var claimed = await chat.SendAsync("bob", $"/start {jane}");
        var code = await chat.SendAsync("bob", "/code");

        var reference = await chat.DbAsync(db => db.Members.Where(m => m.Person.ExternalId == "bob").Select(m => m.Reference).SingleAsync());
        Assert.Matches("^[a-z2-9]{10}$", reference);
        var line = $"🛒 Shopping yourself? Use https://ref.example.sg/r/{jane}?b={reference} so your order counts for the friend who referred you.";
        Assert.Contains(line, claimed.Text);
        Assert.Contains(line, code.Text);
    }

    [Fact]
    public async Task Nobody_referred_means_no_shop_link()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("jane", "/start");

        Assert.DoesNotContain("Shopping yourself", said.Text);
        Assert.DoesNotContain("?b=", said.Text);
    }

    [Fact]
    public async Task Every_member_gets_their_own_reference()
    {
        await using var chat = await ChatScript.StartAsync();
        foreach (var user in new[] { "ann", "ben", "cat", "dan" }) await chat.SendAsync(user, "/start");

        var references = await chat.DbAsync(db => db.Members.Select(m => m.Reference).ToListAsync());

        Assert.Equal(4, references.Distinct().Count());
    }
}
