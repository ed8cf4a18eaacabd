using System.Diagnostics;
using System.Net;
using ReferralBot.FakeTelegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ReferralBot.Telegram.Tests.FakeApi;

/// <summary>The parts of Telegram's behaviour the fake copies beyond the happy path.</summary>
public sealed class FakeBotApiBehaviourTests
{
    private const long Alice = 1001;

    [Fact]
    public async Task A_long_poll_wakes_as_soon_as_an_update_arrives()
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { MaxLongPollSeconds = 5 });
        var bot = await WarmClientAsync(fake);
        var clock = Stopwatch.StartNew();

        var poll = bot.GetUpdates(timeout: 30);
        await fake.PollWaitingAsync().WaitAsync(TimeSpan.FromSeconds(5));
        fake.SendText(Alice, "hello");

        Assert.Equal("hello", Assert.Single(await poll).Message!.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_long_poll_with_nothing_pending_ends_empty_at_the_cap()
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { MaxLongPollSeconds = 1 });
        var bot = await WarmClientAsync(fake);
        var clock = Stopwatch.StartNew();

        Assert.Empty(await bot.GetUpdates(timeout: 30));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_second_poller_ends_the_first_with_a_409()
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { MaxLongPollSeconds = 5 });
        var bot = await WarmClientAsync(fake);

        var first = bot.GetUpdates(timeout: 5);
        await fake.PollWaitingAsync().WaitAsync(TimeSpan.FromSeconds(5));
        await bot.GetUpdates(timeout: 0);

        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => first);
        Assert.Equal(409, conflict.ErrorCode);
        Assert.Contains("terminated by other getUpdates request", conflict.Message);
    }

    [Fact]
    public async Task An_unknown_method_is_a_404_in_the_bot_api_envelope()
    {
        await using var fake = await FakeBotApi.StartAsync();
        using var http = new HttpClient();

        var response = await http.PostAsync($"{fake.BaseUrl}/bot{fake.Token}/sendTelepathy", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"ok":false,"error_code":404,"description":"Not Found"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Methods_are_case_insensitive_and_a_get_with_a_query_string_works()
    {
        await using var fake = await FakeBotApi.StartAsync();
        using var http = new HttpClient();

        var body = await http.GetStringAsync($"{fake.BaseUrl}/bot{fake.Token}/SENDMESSAGE?chat_id=1001&text=hi");

        Assert.StartsWith("""{"ok":true,"result":{"message_id":""", body);
        Assert.Equal("hi", Assert.Single(fake.CallsTo("sendmessage")).Parameters["text"]);
    }

    [Fact]
    public async Task Html_telegram_cannot_parse_is_a_400()
    {
        await using var fake = await FakeBotApi.StartAsync();

        var refused = await Assert.ThrowsAsync<ApiRequestException>(
            () => FakeBotApiTests.Client(fake).SendMessage(Alice, "Tom <3 <b>serum</b>", ParseMode.Html));

        Assert.Equal(400, refused.ErrorCode);
        Assert.Contains("can't parse entities: Unsupported start tag \"3\" at byte offset 4", refused.Message);
        Assert.Empty(fake.SentTo(Alice));
    }

    [Fact]
    public async Task Callback_data_over_64_bytes_is_a_400()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Go", new string('x', 65)));

        var refused = await Assert.ThrowsAsync<ApiRequestException>(
            () => FakeBotApiTests.Client(fake).SendMessage(Alice, "pick", replyMarkup: keyboard));

        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", refused.Message);
    }

    [Fact]
    public async Task A_pressed_button_is_answered_once_and_its_message_can_be_edited()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var bot = FakeBotApiTests.Client(fake);
        var sent = await bot.SendMessage(Alice, "Pick one", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("A", "a")));
        fake.PressButton(Alice, "a", sent.MessageId);
        var query = Assert.Single(await bot.GetUpdates(timeout: 0)).CallbackQuery!;

        await bot.AnswerCallbackQuery(query.Id);
        var edited = await bot.EditMessageText(Alice, sent.MessageId, "Picked A");

        Assert.Equal("Pick one", query.Message!.Text);
        Assert.Equal("Picked A", edited.Text);
        Assert.Null(edited.ReplyMarkup);
        var again = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditMessageText(Alice, sent.MessageId, "Picked A"));
        Assert.StartsWith("Bad Request: message is not modified", again.Message);
        await Assert.ThrowsAsync<ApiRequestException>(() => bot.AnswerCallbackQuery(query.Id));
    }

    [Fact]
    public async Task While_a_webhook_is_set_getUpdates_is_a_409()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var bot = FakeBotApiTests.Client(fake);
        await bot.SetWebhook("https://ref.example.sg/telegram/webhook", maxConnections: 10, secretToken: "s3cret");

        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetUpdates(timeout: 0));
        var info = await bot.GetWebhookInfo();
        await bot.DeleteWebhook();

        Assert.Equal(409, conflict.ErrorCode);
        Assert.Equal(("https://ref.example.sg/telegram/webhook", 10), (info.Url, info.MaxConnections));
        Assert.Equal("s3cret", Assert.Single(fake.CallsTo("setWebhook")).Parameters["secret_token"]);
        Assert.Empty(await bot.GetUpdates(timeout: 0));
    }

    [Fact]
    public async Task A_photo_sent_again_by_its_file_id_is_the_same_file()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var bot = FakeBotApiTests.Client(fake);
        var first = await bot.SendPhoto(Alice, InputFile.FromStream(new MemoryStream([1, 2, 3]), "code.png"));

        var second = await bot.SendPhoto(2002, InputFile.FromFileId(first.Photo![0].FileId));

        Assert.Equal(first.Photo[0].FileUniqueId, second.Photo![0].FileUniqueId);
        Assert.Equal(first.Photo[0].FileId, fake.SentTo(2002)[0].Parameters["photo"]);
        Assert.Empty(fake.SentTo(2002)[0].Files);
    }

    [Fact]
    public async Task Waiting_for_calls_that_never_come_times_out_listing_the_calls_seen()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await FakeBotApiTests.Client(fake).SendMessage(Alice, "only this");

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => fake.WaitForSendsToAsync(Alice, 2, TimeSpan.FromMilliseconds(100)));

        Assert.Contains("sendMessage → 200 chat 1001: text=only this", timeout.Message);
    }

    // The first call pays for connecting and for Telegram.Bot's serializers; timings start after it.
    private static async Task<TelegramBotClient> WarmClientAsync(FakeBotApi fake)
    {
        var bot = FakeBotApiTests.Client(fake);
        await bot.GetMe();
        return bot;
    }
}
