using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Tests.Support;
using ReferralBot.Testing;

namespace ReferralBot.Core.Tests.Security;

/// <summary>What a chat user types reaches the operator's log only escaped, cut short, and without the arguments of a refused command.</summary>
public sealed class LoggedChatTextTests
{
    [Fact]
    public async Task A_refused_admin_command_is_logged_by_name_without_its_raw_text()
    {
        var logs = new CapturedLogs();
        await using var chat = await ChatScript.StartAsync(services => services.AddSingleton<ILoggerProvider>(logs));

        var said = await chat.SendAsync("mallory\u001b[31m", "/campaign set glow-serum name \u001b[2J\nINFO: Alice Tan's secret plan");

        Assert.Contains("is for campaign admins. Nothing was changed.", said.Text);
        var refused = Assert.Single(logs.Entries, e => e.Message.Contains("refused", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.Equal("test:mallory\\u001b[31m is not an admin and tried /campaign; refused", refused.Message);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains('\u001b') || e.Message.Contains("Alice", StringComparison.Ordinal));
        Assert.Equal("Glow Serum", (await chat.DbAsync(db => Task.FromResult(db.Set<Campaign>().Single()))).Name);
    }
}
