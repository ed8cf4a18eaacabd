using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Administration;

public sealed class AdminScriptTests
{
    [Theory]
    [InlineData("/admin add test:jane")]
    [InlineData("/admin remove test:admin")]
    [InlineData("/admin list")]
    [InlineData("/campaign new spring https://shop.example.sg/spring")]
    [InlineData("/campaign pause glow-serum")]
    [InlineData("/campaign end glow-serum")]
    [InlineData("/campaign resume glow-serum")]
    [InlineData("/admin remove test:jane")]
    [InlineData("/campaign list")]
    [InlineData("/campaign show glow-serum")]
    [InlineData("/campaign set glow-serum commission 50")]
    [InlineData("/tier glow-serum Silver 12 17%")]
    [InlineData("/tier glow-serum remove Gold")]
    [InlineData("/influencer glow-serum jane JANE20 100")]
    public async Task Anyone_else_trying_an_admin_command_is_refused_politely_and_nothing_changes(string line)
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("jane", "/start");
        var before = await SnapshotAsync(chat);

        var said = await chat.SendAsync("jane", line);

        Assert.Matches("^Sorry, /(admin|campaign|tier|influencer) is for campaign admins. Nothing was changed.$", said.Text);
        Assert.Equal(before, await SnapshotAsync(chat));
    }

    [Fact]
    public async Task An_admin_can_add_an_admin_who_can_then_run_admin_commands_until_removed()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("jane", "/start", "Jane Lim");

        var added = await chat.SendAsync("admin", "/admin add test:jane");
        var asJane = await chat.SendAsync("jane", "/campaign list");
        var list = await chat.SendAsync("admin", "/admin list");
        var removed = await chat.SendAsync("admin", "/admin remove test:jane");
        var refused = await chat.SendAsync("jane", "/campaign list");

        Assert.Equal("test:jane (Jane Lim) is now an admin.", added.Text);
        Assert.Contains("glow-serum (active)", asJane.Text);
        Assert.Contains("• test:admin (configuration)", list.Text);
        Assert.Contains("• test:jane (added by test:admin", list.Text);
        Assert.Equal("test:jane (Jane) is no longer an admin.", removed.Text);
        Assert.StartsWith("Sorry, /campaign is for campaign admins.", refused.Text, StringComparison.Ordinal);
        var audit = await chat.DbAsync(db => db.Set<AuditEntry>().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["admin.add", "admin.remove"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("test:admin", a.Actor));
    }

    [Theory]
    [InlineData("/admin add jane", "“jane” isn't an address. Write it as channel:userId")]
    [InlineData("/admin add test:admin", "test:admin (Admin) is already an admin. Nothing was changed.")]
    [InlineData("/admin remove test:admin", "test:admin is an admin by configuration")]
    [InlineData("/admin remove console:owner", "console:owner is an admin by configuration")]
    [InlineData("/admin remove test:nobody", "test:nobody isn't an admin added in chat")]
    [InlineData("/admin", "Admins: /admin list")]
    [InlineData("/admin promote test:jane", "Admins: /admin list")]
    public async Task Bad_admin_requests_are_explained_and_change_nothing(string line, string expected)
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("admin", line);

        Assert.Contains(expected, said.Text);
        Assert.Equal(0, await chat.CountAsync<AdminGrant>());
        Assert.Equal(0, await chat.CountAsync<AuditEntry>());
    }

    [Fact]
    public async Task Help_shows_admins_their_commands()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("admin", "/help");

        Assert.Contains("/campaign new|list|show|set|pause|resume|end", said.Text);
        Assert.Contains("/admin add|remove|list", said.Text);
        Assert.DoesNotContain("/campaign", (await chat.SendAsync("jane", "/help")).Text);
    }

    private static Task<string> SnapshotAsync(ChatScript chat) => chat.DbAsync(async db =>
        string.Join("|",
            await db.Set<AdminGrant>().CountAsync(),
            await db.Set<AuditEntry>().CountAsync(),
            string.Join(",", await db.Campaigns.OrderBy(c => c.Id).Select(c => c.Slug + ":" + c.State + ":" + c.LandingUrl).ToListAsync()),
            await db.Set<Tier>().CountAsync(),
            string.Join(",", await db.Members.OrderBy(m => m.Id).Select(m => m.Role + ":" + m.FlatFee).ToListAsync()),
            await db.Codes.CountAsync()));
}
