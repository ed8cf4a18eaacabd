using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using ReferralBot.FakeTelegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ReferralBot.Telegram.Tests.FakeApi;

/// <summary>Telegram's send limits and network latency, as the fake imposes them.</summary>
public sealed class FakeBotApiLimitTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_group_takes_a_send_every_three_seconds()
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { EnforceLimits = true, Time = time });
        var bot = FakeBotApiTests.Client(fake);
        const long group = -5001;

        await bot.SendMessage(group, "one");
        time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(group, "two"));
        time.Advance(TimeSpan.FromSeconds(1));
        await bot.SendMessage(group, "two");

        Assert.Equal(2, fake.SentTo(group).Count);
        Assert.Equal(1, fake.LimitViolations);
    }

    [Fact]
    public async Task The_31st_send_within_a_second_is_refused_whatever_the_chat()
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { EnforceLimits = true, Time = time });
        var bot = FakeBotApiTests.Client(fake);

        for (var chat = 1; chat <= 30; chat++) await bot.SendMessage(chat, "hi");
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(31, "hi"));
        time.Advance(TimeSpan.FromSeconds(1));
        await bot.SendMessage(31, "hi");

        Assert.Equal((429, 1), (refused.ErrorCode, refused.Parameters?.RetryAfter));
        Assert.Equal(1, fake.LimitViolations);
        Assert.Single(fake.SentTo(31));
    }

    [Fact]
    public async Task Without_limits_anything_goes()
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { Time = time });
        var bot = FakeBotApiTests.Client(fake);

        for (var i = 0; i < 5; i++) await bot.SendMessage(1001, $"burst {i}");

        Assert.Equal(5, fake.SentTo(1001).Count);
        Assert.Equal(0, fake.LimitViolations);
    }

    [Fact]
    public async Task Latency_delays_each_send_in_real_time_even_on_a_fake_clock()
    {
        var latency = TimeSpan.FromMilliseconds(150);
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { Time = time, Latency = (latency, latency) });
        var bot = FakeBotApiTests.Client(fake);
        await bot.GetMe();
        var clock = Stopwatch.StartNew();

        await bot.SendMessage(1001, "slow");

        // Timers may fire a tick early; what matters is that the send waited about the latency, not zero.
        Assert.True(clock.Elapsed >= latency - TimeSpan.FromMilliseconds(20), $"took {clock.Elapsed}");
    }
}
