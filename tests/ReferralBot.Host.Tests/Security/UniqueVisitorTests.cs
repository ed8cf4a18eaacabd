using Microsoft.Data.Sqlite;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Security;

/// <summary>The visitor hash is salted daily from a stored secret, so a restart does not count the same visitor again.</summary>
public sealed class UniqueVisitorTests
{
    [Fact]
    public async Task A_visitor_seen_before_a_restart_is_the_same_visitor_after_it()
    {
        var folder = Directory.CreateTempSubdirectory("referralbot-visitor-").FullName;
        try
        {
            string code;
            string before;
            await using (var first = new ReferralBotFactory(folder: folder))
            {
                code = await first.CodeOfAsync("jane");
                await first.CreateBrowser().GetAsync($"/r/{code}");
                await first.FlushClicksAsync();
                before = Assert.Single(await first.StoredClicksAsync()).Visitor!;
            }

            await using var second = new ReferralBotFactory(folder: folder);
            await second.CreateBrowser().GetAsync($"/r/{code}");
            await second.FlushClicksAsync();
            var clicks = await second.StoredClicksAsync();

            Assert.Equal(2, clicks.Count);
            Assert.Equal(before, clicks[1].Visitor);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_configured_visitor_secret_gives_the_same_hash_on_another_database()
    {
        var settings = new Dictionary<string, string?> { ["Clicks:VisitorSecret"] = "a-shared-secret-of-enough-length" };
        using var one = new ReferralBotFactory(settings);
        using var two = new ReferralBotFactory(settings);
        using var other = new ReferralBotFactory();

        var visitors = new List<string>();
        foreach (var factory in new[] { one, two, other })
        {
            var code = await factory.CodeOfAsync("jane");
            await factory.CreateBrowser().GetAsync($"/r/{code}");
            await factory.FlushClicksAsync();
            visitors.Add(Assert.Single(await factory.StoredClicksAsync()).Visitor!);
        }

        Assert.Equal(visitors[0], visitors[1]);
        Assert.NotEqual(visitors[0], visitors[2]);
    }
}
