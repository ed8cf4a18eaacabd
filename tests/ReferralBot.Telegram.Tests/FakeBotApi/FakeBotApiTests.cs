using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ReferralBot.FakeTelegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ReferralBot.Telegram.Tests.FakeApi;

/// <summary>The fake Bot API as the real Telegram.Bot client sees it.</summary>
public sealed class FakeBotApiTests
{
    private const long Alice = 1001;

    // A 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task GetMe_returns_the_configured_bot()
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { Username = "SerumReferralBot", BotId = 4242 });

        var me = await Client(fake).GetMe();

        Assert.Equal("SerumReferralBot", me.Username);
        Assert.Equal(4242, me.Id);
        Assert.True(me.IsBot);
        Assert.True(me.CanJoinGroups);
    }

    [Fact]
    public async Task A_message_with_HTML_and_an_inline_keyboard_is_recorded_as_sent()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var keyboard = new InlineKeyboardMarkup([[
            InlineKeyboardButton.WithCallbackData("My code", "code"),
            InlineKeyboardButton.WithUrl("Shop", "https://shop.example.sg/serum"),
        ]]);

        var message = await Client(fake).SendMessage(Alice, "<b>Hello</b> &amp; welcome", ParseMode.Html, replyMarkup: keyboard);

        var sent = Assert.Single(fake.SentTo(Alice));
        Assert.Equal("sendMessage", sent.Method);
        Assert.Equal("<b>Hello</b> &amp; welcome", sent.Parameters["text"]);
        Assert.Equal("html", sent.Parameters["parse_mode"], ignoreCase: true);
        var buttons = JsonDocument.Parse(sent.Parameters["reply_markup"]).RootElement.GetProperty("inline_keyboard")[0];
        Assert.Equal("code", buttons[0].GetProperty("callback_data").GetString());
        Assert.Equal("https://shop.example.sg/serum", buttons[1].GetProperty("url").GetString());
        Assert.Equal("Hello & welcome", message.Text);
        Assert.Equal(Alice, message.Chat.Id);
        Assert.Equal(ChatType.Private, message.Chat.Type);
        Assert.True(message.From!.IsBot);
        Assert.Equal("code", message.ReplyMarkup!.InlineKeyboard.First().First().CallbackData);
    }

    [Fact]
    public async Task A_photo_upload_arrives_with_its_bytes_intact()
    {
        await using var fake = await FakeBotApi.StartAsync();

        var message = await Client(fake).SendPhoto(Alice, InputFile.FromStream(new MemoryStream(Png), "code.png"),
            caption: "Your code: <b>ALICE-42</b>", parseMode: ParseMode.Html);

        var sent = Assert.Single(fake.CallsTo("sendPhoto"));
        Assert.Equal(Png, sent.Files["photo"]);
        Assert.Equal("Your code: <b>ALICE-42</b>", sent.Parameters["caption"]);
        Assert.Equal(Alice, sent.ChatId);
        var photo = Assert.Single(message.Photo!);
        Assert.Equal((1, 1, Png.Length), (photo.Width, photo.Height, photo.FileSize));
        Assert.Equal("Your code: ALICE-42", message.Caption);
    }

    [Fact]
    public async Task A_document_upload_comes_back_with_its_name_and_size()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var csv = "code,claims\nALICE-42,3\n"u8.ToArray();

        var message = await Client(fake).SendDocument(Alice, InputFile.FromStream(new MemoryStream(csv), "stats.csv"));

        Assert.Equal(csv, Assert.Single(fake.SentTo(Alice)).Files["document"]);
        Assert.Equal(("stats.csv", "text/csv", (long)csv.Length), (message.Document!.FileName, message.Document.MimeType, message.Document.FileSize));
    }

    [Fact]
    public async Task Injected_updates_come_through_getUpdates_until_an_offset_confirms_them()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var bot = Client(fake);
        var text = fake.SendText(Alice, "/start ref-BOB", firstName: "Alice", username: "alice");
        var press = fake.PressButton(Alice, "code", firstName: "Alice");

        var updates = await bot.GetUpdates(timeout: 1);

        Assert.Equal([text, press], updates.Select(u => (long)u.Id));
        var message = updates[0].Message!;
        Assert.Equal(("/start ref-BOB", Alice, "alice", ChatType.Private), (message.Text, message.From!.Id, message.From.Username, message.Chat.Type));
        var command = Assert.Single(message.Entities!);
        Assert.Equal((MessageEntityType.BotCommand, 0, 6), (command.Type, command.Offset, command.Length));
        Assert.Equal("code", updates[1].CallbackQuery!.Data);
        Assert.Equal(Alice, updates[1].CallbackQuery!.Message!.Chat.Id);
        Assert.Empty(await bot.GetUpdates(offset: (int)press + 1, timeout: 0));
        Assert.Equal(0, fake.PendingUpdates);
    }

    [Fact]
    public async Task A_redelivered_update_comes_back_with_the_same_id_even_after_it_was_confirmed()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var bot = Client(fake);
        var id = fake.SendText(Alice, "/help");
        var first = Assert.Single(await bot.GetUpdates(timeout: 0));
        Assert.Empty(await bot.GetUpdates(offset: (int)id + 1, timeout: 0));

        fake.Redeliver(id);
        var again = Assert.Single(await bot.GetUpdates(offset: (int)id + 1, timeout: 0));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal((first.Message!.MessageId, first.Message.Text), (again.Message!.MessageId, again.Message.Text));
        Assert.Empty(await bot.GetUpdates(offset: (int)id + 1, timeout: 0));
    }

    [Fact]
    public async Task A_429_carries_retry_after_to_the_client()
    {
        await using var fake = await FakeBotApi.StartAsync();
        fake.FailNext("sendMessage", 429, "Too Many Requests: retry after 5", retryAfter: 5);

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => Client(fake).SendMessage(Alice, "hi"));

        Assert.Equal(429, refused.ErrorCode);
        Assert.Equal(5, refused.Parameters?.RetryAfter);
        Assert.Contains("retry after 5", refused.Message);
        Assert.Equal(429, Assert.Single(fake.CallsTo("sendMessage")).Status);
        Assert.Empty(fake.SentTo(Alice));
        await Client(fake).SendMessage(Alice, "hi");
        Assert.Single(fake.SentTo(Alice));
    }

    [Fact]
    public async Task A_403_for_one_chat_leaves_the_other_chats_alone()
    {
        await using var fake = await FakeBotApi.StartAsync();
        fake.FailNext("SENDMESSAGE", 403, "Forbidden: bot was blocked by the user", chatId: Alice);
        var bot = Client(fake);

        await bot.SendMessage(2002, "hi Bob");
        var blocked = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Alice, "hi Alice"));

        Assert.Equal(403, blocked.ErrorCode);
        Assert.Null(blocked.Parameters);
        Assert.Single(fake.SentTo(2002));
        Assert.Empty(fake.SentTo(Alice));
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized()
    {
        await using var fake = await FakeBotApi.StartAsync();

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => Client(fake, "999:WRONG").GetMe());

        Assert.Equal(401, refused.ErrorCode);
        Assert.Equal(401, Assert.Single(fake.Calls).Status);
    }

    [Fact]
    public async Task With_limits_on_a_second_send_to_a_chat_within_a_second_is_refused_and_one_a_second_later_accepted()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { EnforceLimits = true, Time = time });
        var bot = Client(fake);

        await bot.SendMessage(Alice, "one");
        time.Advance(TimeSpan.FromMilliseconds(999));
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Alice, "two"));
        await bot.SendMessage(2002, "to Bob meanwhile");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await bot.SendMessage(Alice, "two");

        Assert.Equal((429, 1), (refused.ErrorCode, refused.Parameters?.RetryAfter));
        Assert.Equal(1, fake.LimitViolations);
        Assert.Equal(["one", "two"], fake.SentTo(Alice).Select(c => c.Parameters["text"]));
        Assert.Equal(time.GetUtcNow(), fake.SentTo(Alice)[1].At);
    }

    internal static TelegramBotClient Client(FakeBotApi fake, string? token = null) =>
        // Telegram.Bot retries a 429 itself unless told not to; the tests want to see it.
        new(new TelegramBotClientOptions(token ?? fake.Token, fake.BaseUrl) { RetryThreshold = 0 });
}
