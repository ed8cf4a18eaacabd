using System.Net;
using Microsoft.Extensions.Logging;
using ReferralBot.FakeTelegram;
using ReferralBot.Telegram.Tests.Support;

namespace ReferralBot.Telegram.Tests.Flows;

public sealed class GroupAndTokenTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task In_a_group_only_commands_addressed_to_the_bot_are_answered_and_nothing_personal_is_posted()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        using var factory = await new TelegramBotFactory(telegram).ConnectedAsync();
        const long group = -5001;

        telegram.SendText(1001, "/code", firstName: "Alice", chatId: group, chatType: "group", chatTitle: "Skincare fans");
        telegram.SendText(1001, "hello everyone", firstName: "Alice", chatId: group, chatType: "group", chatTitle: "Skincare fans");
        telegram.SendText(1001, $"/code@{telegram.Username}", firstName: "Alice", chatId: group, chatType: "group", chatTitle: "Skincare fans");
        telegram.SendText(1001, $"/help@{telegram.Username}", firstName: "Alice", chatId: group, chatType: "group", chatTitle: "Skincare fans");
        var sent = await telegram.WaitForSendsToAsync(group, 2, Wait);

        Assert.Contains($"let's talk in a private chat: https://t.me/{telegram.Username}", sent[0].Parameters["text"]);
        Assert.DoesNotContain("Your code:", sent[0].Parameters["text"]);
        Assert.Contains("/claim CODE", sent[1].Parameters["text"]);
        Assert.Equal(2, telegram.SentTo(group).Count);
    }

    [Fact]
    public async Task A_refused_token_is_one_clear_log_line_and_the_rest_keeps_running()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        using var factory = new TelegramBotFactory(telegram, token: "999:WRONG");

        var health = await factory.CreateClient().GetAsync("/healthz");
        await telegram.WaitForCallsAsync("getMe", 0, Wait);
        var refusal = await WaitForLogAsync(factory, "Telegram refused the bot token");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(LogLevel.Critical, refusal.Level);
        Assert.Contains("Check Telegram:BotToken", refusal.Message);
        Assert.Empty(telegram.CallsTo("getUpdates"));
    }

    private static async Task<(LogLevel Level, string Category, string Message)> WaitForLogAsync(TelegramBotFactory factory, string text)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var entry = factory.Logs.Entries.FirstOrDefault(e => e.Message.Contains(text, StringComparison.Ordinal));
            if (entry.Message is not null) return entry;
            await Task.Delay(50, timeout.Token);
        }
    }
}
