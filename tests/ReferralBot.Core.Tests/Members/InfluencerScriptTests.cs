using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Members;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Members;

public sealed class InfluencerScriptTests
{
    [Fact]
    public async Task An_influencer_gets_a_vanity_code_and_their_earlier_code_keeps_counting_for_them()
    {
        await using var chat = await ChatScript.StartAsync();
        var earlier = (await chat.SendAsync("jane", "/start", "Jane Lim", username: "JaneLim")).Code;

        var said = await chat.SendAsync("admin", "/influencer glow-serum @janelim jane20 150");
        var code = await chat.SendAsync("jane", "/code", "Jane Lim");
        await chat.SendAsync("bob", $"/claim {earlier}");
        await chat.SendAsync("mei", "/claim JANE20");
        var stats = await chat.SendAsync("jane", "/stats", "Jane Lim");

        Assert.Equal($"✅ Jane Lim (test:jane) is an influencer of glow-serum with the code JANE20 and a flat fee of 150.00 USD. Their earlier code {earlier} keeps working and counts for them.", said.Text);
        Assert.Equal("JANE20", code.Code);
        Assert.Contains("code JANE20", stats.Text);
        Assert.Contains("2 sign-ups", stats.Text);
        var jane = await chat.DbAsync(db => db.Members.Include(m => m.Codes).SingleAsync(m => m.Person.ExternalId == "jane"));
        Assert.Equal(MemberRole.Influencer, jane.Role);
        Assert.Equal(150m, jane.FlatFee);
        Assert.Equal(["JANE20", earlier], jane.Codes.OrderByDescending(c => c.IsPrimary).Select(c => c.Value));
        Assert.Single(await chat.DbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "influencer.set").ToListAsync()));
    }

    [Fact]
    public async Task A_known_person_who_is_not_yet_a_member_joins_with_the_vanity_code()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("siti", "/help", "Siti");

        var said = await chat.SendAsync("admin", "/influencer glow-serum siti SITI10");

        Assert.Equal("✅ Siti (test:siti) is an influencer of glow-serum with the code SITI10.", said.Text);
        Assert.Equal("SITI10", (await chat.SendAsync("siti", "/code")).Code);
        Assert.Equal(1, await chat.CountAsync<ReferralCode>());
    }

    [Fact]
    public async Task Setting_the_same_vanity_code_again_changes_only_the_fee()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("siti", "/help", "Siti");
        await chat.SendAsync("admin", "/influencer glow-serum siti SITI10 100");

        var said = await chat.SendAsync("admin", "/influencer glow-serum test:siti siti10 120");

        Assert.Equal("✅ Siti (test:siti) is an influencer of glow-serum with the code SITI10 and a flat fee of 120.00 USD.", said.Text);
        Assert.Equal(1, await chat.CountAsync<ReferralCode>());
    }

    [Theory]
    [InlineData("/influencer glow-serum @nobody NOBODY20", "I don't know “@nobody” yet")]
    [InlineData("/influencer glow-serum ghost GHOST20", "I don't know “ghost” yet")]
    [InlineData("/influencer nope jane JANE20", "There is no campaign called “nope”")]
    [InlineData("/influencer glow-serum jane J!", "“J!” isn't a code. Codes are 4 to 20 letters and digits")]
    [InlineData("/influencer glow-serum jane JANE20 free", "“free” isn't a flat fee")]
    [InlineData("/influencer glow-serum jane", "Influencers: /influencer <slug> <@username|user-id> <CODE> [flat-fee]")]
    public async Task A_bad_influencer_request_is_explained_and_changes_nothing(string line, string expected)
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("jane", "/start");

        var said = await chat.SendAsync("admin", line);

        Assert.Contains(expected, said.Text);
        Assert.Equal(1, await chat.CountAsync<ReferralCode>());
        Assert.Equal(0, await chat.CountAsync<AuditEntry>());
    }

    [Fact]
    public async Task A_code_that_belongs_to_someone_else_is_refused()
    {
        await using var chat = await ChatScript.StartAsync();
        var mike = (await chat.SendAsync("mike", "/start")).Code;
        await chat.SendAsync("jane", "/start");

        var said = await chat.SendAsync("admin", $"/influencer glow-serum jane {mike.ToLowerInvariant()}");

        Assert.Equal($"The code {mike} already belongs to someone else; pick another. Nothing was changed.", said.Text);
        Assert.Equal(MemberRole.Customer, await chat.DbAsync(db => db.Members.Where(m => m.Person.ExternalId == "jane").Select(m => m.Role).SingleAsync()));
        Assert.Equal(0, await chat.CountAsync<Claim>());
    }
}
