using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Campaigns;

public sealed class TierAndTermsScriptTests
{
    [Fact]
    public async Task A_tier_is_replaced_by_name_added_when_new_and_removed_with_an_audit_trail()
    {
        await using var chat = await ChatScript.StartAsync();

        var replaced = await chat.SendAsync("admin", "/tier glow-serum silver 12 17.5%");
        var added = await chat.SendAsync("admin", "/tier glow-serum Platinum 100 25");
        var removed = await chat.SendAsync("admin", "/tier glow-serum remove gold");
        var ladder = await chat.DbAsync(db => db.Set<Tier>().OrderBy(t => t.MinPurchases).Select(t => $"{t.Name} {t.MinPurchases} {t.CommissionPercent:0.##}").ToListAsync());

        Assert.Equal("✅ glow-serum tier: Silver 10 (15%) → Silver 12 (17.5%)", replaced.Text);
        Assert.Equal("✅ glow-serum tier: Platinum 100 (25%)", added.Text);
        Assert.Equal("✅ glow-serum: removed the tier Gold 50 (20%).", removed.Text);
        Assert.Equal(["Bronze 0 10", "Silver 12 17.5", "Platinum 100 25"], ladder);
        Assert.Equal(["tier.set", "tier.set", "tier.remove"], await chat.DbAsync(db => db.Set<AuditEntry>().OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Theory]
    [InlineData("/tier glow-serum Silver 10", "Tiers: /tier <slug> <name> <min-purchases> <commission%>")]
    [InlineData("/tier nope Silver 10 15%", "There is no campaign called “nope”")]
    [InlineData("/tier glow-serum 2nd 10 15%", "“2nd” can't be a tier name")]
    [InlineData("/tier glow-serum Silver ten 15%", "“ten” isn't a number of purchases")]
    [InlineData("/tier glow-serum Silver -1 15%", "“-1” isn't a number of purchases")]
    [InlineData("/tier glow-serum Silver 10 120%", "“120%” isn't a commission")]
    [InlineData("/tier glow-serum Diamond 50 30%", "The tier Gold already starts at 50 purchases")]
    [InlineData("/tier glow-serum Bronze 5 10%", "Bronze is the starting tier (0 purchases)")]
    [InlineData("/tier glow-serum remove Bronze", "Bronze is the starting tier (0 purchases)")]
    [InlineData("/tier glow-serum remove Diamond", "There is no tier called “Diamond”")]
    public async Task A_bad_tier_is_explained_and_changes_nothing(string line, string expected)
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("admin", line);

        Assert.Contains(expected, said.Text);
        Assert.Equal(3, await chat.CountAsync<Tier>());
        Assert.Equal(0, await chat.CountAsync<AuditEntry>());
    }

    [Fact]
    public async Task Anyone_can_read_the_terms_of_their_campaign()
    {
        await using var chat = await ChatScript.StartAsync();
        var none = await chat.SendAsync("jane", "/terms");
        await chat.SendAsync("admin", "/campaign set glow-serum terms One reward per friend. <Staff> excluded.");

        var said = await chat.SendAsync("jane", "/terms");

        Assert.Equal("Glow Serum has no terms written yet.", none.Text);
        Assert.Equal("Glow Serum: terms\nOne reward per friend. <Staff> excluded.", said.Text);
        Assert.Contains("&lt;Staff&gt;", said.Html);
    }
}
