using Microsoft.Extensions.Time.Testing;
using ReferralBot.Core.Limits;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Limits;

/// <summary>Abuse of the bot itself: floods, admin commands in bulk and code guessing are limited, answered once, and recover.</summary>
public sealed class AbuseLimitScriptTests
{
    private static readonly Dictionary<string, string?> Low = new()
    {
        ["Limits:MessagesPerMinute"] = "5",
        ["Limits:AdminCommandsPerMinute"] = "3",
        ["Limits:WrongCodes"] = "3",
        ["Limits:WrongCodesWindow"] = "00:10:00",
    };

    [Fact]
    public async Task A_flood_gets_one_pause_message_then_silence_until_its_minute_has_passed()
    {
        await using var chat = await ChatScript.StartAsync(Low);
        for (var i = 0; i < 5; i++) Assert.Contains("/start", (await chat.SendAsync("flo", "/help")).Text);

        var paused = await chat.SendAsync("flo", "/help");
        var quiet = await chat.SendAsync("flo", "/help");
        var stillQuiet = await chat.SendAsync("flo", "/code");
        var someoneElse = await chat.SendAsync("amy", "/help");

        Assert.StartsWith("⏸ You're sending messages faster than I can keep up with, so I'll take a short pause (60 seconds).", paused.Text, StringComparison.Ordinal);
        Assert.Empty(quiet.Replies);
        Assert.Empty(stillQuiet.Replies);
        Assert.Contains("/start", someoneElse.Text);
        chat.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Contains("/start", (await chat.SendAsync("flo", "/help")).Text);
    }

    [Fact]
    public async Task Admin_commands_past_their_limit_are_not_run_and_run_again_a_minute_later()
    {
        var settings = new Dictionary<string, string?>(Low) { ["Limits:MessagesPerMinute"] = "100" };
        await using var chat = await ChatScript.StartAsync(settings);
        for (var i = 0; i < 3; i++) await chat.SendAsync("admin", $"/campaign set glow-serum terms Terms {i}");

        var refused = await chat.SendAsync("admin", "/campaign set glow-serum terms Terms 3");

        Assert.StartsWith("⏸ That's a lot of admin commands in a minute: /campaign wasn't run. Try again in 60 seconds. Nothing was changed.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Terms 2", await chat.DbAsync(db => Task.FromResult(db.Campaigns.Single().Terms)));
        Assert.Contains("/start", (await chat.SendAsync("admin", "/help")).Text); // not an admin command
        chat.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("terms: Terms 2 → Terms 3", (await chat.SendAsync("admin", "/campaign set glow-serum terms Terms 3")).Text);
    }

    [Fact]
    public async Task Guessing_codes_is_stopped_after_a_few_wrong_ones_even_for_a_right_one_until_the_window_passes()
    {
        await using var chat = await ChatScript.StartAsync(Low);
        var code = (await chat.SendAsync("jane", "/start")).Code;
        Assert.Contains("isn't a code", (await chat.SendAsync("eve", "/claim !!")).Text);
        Assert.Contains("NOPE11", (await chat.SendAsync("eve", "/claim NOPE11")).Text);
        Assert.Contains("NOPE12", (await chat.SendAsync("eve", "/start NOPE12")).Text);

        var locked = await chat.SendAsync("eve", $"/claim {code}");

        Assert.StartsWith("🔒 That's a few codes that didn't work in a row, so I'll wait a little before checking another. Try again in 10 minutes", locked.Text, StringComparison.Ordinal);
        Assert.Equal(0, await chat.DbAsync(db => Task.FromResult(db.Claims.Count())));
        await chat.SendAsync("sally", $"/claim {code}"); // others are not held up
        Assert.Equal(1, await chat.DbAsync(db => Task.FromResult(db.Claims.Count())));
        chat.Time.Advance(TimeSpan.FromMinutes(10));
        await chat.SendAsync("eve", $"/claim {code}");
        Assert.Equal(2, await chat.DbAsync(db => Task.FromResult(db.Claims.Count())));
    }

    [Fact]
    public void A_window_limiter_counts_per_key_refuses_with_the_wait_and_starts_over_when_its_window_passes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        var limiter = new WindowLimiter(2, TimeSpan.FromMinutes(1), time);

        Assert.True(limiter.AttemptAcquire("a").IsAcquired);
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(limiter.AttemptAcquire("a").IsAcquired);
        var refused = limiter.AttemptAcquire("a");
        Assert.True(limiter.AttemptAcquire("b").IsAcquired);

        Assert.False(refused.IsAcquired);
        Assert.Equal(TimeSpan.FromSeconds(40), refused.RetryAfter());
        Assert.Equal(TimeSpan.FromSeconds(40), limiter.WaitFor("a"));
        Assert.Null(limiter.WaitFor("b"));
        time.Advance(TimeSpan.FromSeconds(40));
        Assert.True(limiter.HasRoom("a"));
        Assert.True(limiter.AttemptAcquire("a").IsAcquired);
    }
}
