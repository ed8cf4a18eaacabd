using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Campaigns;

public sealed class CampaignScriptTests
{
    [Fact]
    public async Task A_new_campaign_gets_the_default_tiers_and_shows_its_whole_setup()
    {
        await using var chat = await ChatScript.StartAsync();

        var created = await chat.SendAsync("admin", "/campaign new Spring-Sale https://shop.example.sg/spring?x=1 Spring Sale 2026");
        var shown = await chat.SendAsync("admin", "/campaign show spring-sale");

        Assert.StartsWith("✅ Created Spring Sale 2026 (spring-sale), landing on https://shop.example.sg/spring?x=1, in USD", created.Text, StringComparison.Ordinal);
        Assert.Contains("Spring Sale 2026 (spring-sale), active", shown.Text);
        Assert.Contains("Landing: https://shop.example.sg/spring?x=1", shown.Text);
        Assert.Contains("• Bronze: from 0 purchases, 10% commission", shown.Text);
        Assert.Contains("• Silver: from 10 purchases, 15% commission", shown.Text);
        Assert.Contains("• Gold: from 50 purchases, 20% commission", shown.Text);
        Assert.Contains("test:admin: campaign.new spring-sale https://shop.example.sg/spring?x=1 \"Spring Sale 2026\"", shown.Text);
    }

    [Fact]
    public async Task The_default_campaign_has_the_default_tiers_too()
    {
        await using var chat = await ChatScript.StartAsync();

        var shown = await chat.SendAsync("admin", "/campaign show glow-serum");

        Assert.Contains("• Gold: from 50 purchases, 20% commission", shown.Text);
    }

    [Theory]
    [InlineData("/campaign new spring_sale https://shop.example.sg", "“spring_sale” can't be a campaign slug")]
    [InlineData("/campaign new -spring https://shop.example.sg", "can't be a campaign slug")]
    [InlineData("/campaign new spring ftp://shop.example.sg", "“ftp://shop.example.sg” isn't a landing URL")]
    [InlineData("/campaign new spring javascript:alert(1)", "isn't a landing URL")]
    [InlineData("/campaign new spring shop.example.sg", "isn't a landing URL")]
    [InlineData("/campaign new glow-serum https://shop.example.sg", "A campaign called glow-serum already exists")]
    [InlineData("/campaign new spring", "/campaign new <slug> <landing-url> [name…]")]
    [InlineData("/campaign show nope", "There is no campaign called “nope”")]
    [InlineData("/campaign pause nope", "There is no campaign called “nope”")]
    [InlineData("/campaign", "/campaign list")]
    public async Task Bad_campaign_requests_are_explained_and_change_nothing(string line, string expected)
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("admin", line);

        Assert.Contains(expected, said.Text);
        Assert.Equal(1, await chat.CountAsync<Campaign>());
        Assert.Equal(0, await chat.CountAsync<AuditEntry>());
    }

    [Fact]
    public async Task The_list_shows_each_campaign_with_its_state_and_numbers()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        await chat.SendAsync("bob", $"/claim {jane}");
        await chat.ClickAsync(jane);
        await chat.SendAsync("admin", "/campaign new spring https://shop.example.sg/spring");
        await chat.SendAsync("admin", "/campaign pause spring");

        var said = await chat.SendAsync("admin", "/campaign list");

        Assert.Contains("• glow-serum (active): 2 members, 1 sign-up, 1 click", said.Text);
        Assert.Contains("• spring (paused): 0 members, 0 sign-ups, 0 clicks", said.Text);
    }

    [Fact]
    public async Task Pausing_refuses_claims_resuming_allows_them_and_ending_is_final()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;

        var paused = await chat.SendAsync("admin", "/campaign pause glow-serum");
        var refused = await chat.SendAsync("bob", $"/claim {jane}");
        var again = await chat.SendAsync("admin", "/campaign pause glow-serum");
        await chat.SendAsync("admin", "/campaign resume glow-serum");
        var claimed = await chat.SendAsync("bob", $"/claim {jane}");
        var ended = await chat.SendAsync("admin", "/campaign end glow-serum");
        var refusedAfterEnd = await chat.SendAsync("mei", $"/claim {jane}");
        var resumeEnded = await chat.SendAsync("admin", "/campaign resume glow-serum");

        Assert.Contains("is now paused (was active). New sign-ups are refused", paused.Text);
        Assert.Contains("is paused", refused.Text);
        Assert.Contains("is already paused. Nothing was changed.", again.Text);
        Assert.Contains("You're in!", claimed.Text);
        Assert.Contains("is now ended (was active)", ended.Text);
        Assert.Contains("has ended", refusedAfterEnd.Text);
        Assert.Contains("an ended campaign stays ended", resumeEnded.Text);
        Assert.Equal(1, await chat.CountAsync<Claim>());
        var states = await chat.DbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "campaign.state").OrderBy(a => a.Id)
            .Select(a => a.OldValue + "→" + a.NewValue).ToListAsync());
        Assert.Equal(["Active→Paused", "Paused→Active", "Active→Ended"], states);
    }
}
