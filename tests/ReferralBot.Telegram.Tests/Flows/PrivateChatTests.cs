using System.Text.RegularExpressions;
using ReferralBot.FakeTelegram;
using ReferralBot.Telegram.Tests.Support;

namespace ReferralBot.Telegram.Tests.Flows;

public sealed partial class PrivateChatTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task On_start_the_bot_learns_its_name_sets_its_menu_and_uses_long_polling()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        using var factory = await new TelegramBotFactory(telegram).ConnectedAsync();

        var all = telegram.CallsTo("setMyCommands");
        var menus = all.Where(m => !m.Parameters.ContainsKey("language_code")).ToList();
        Assert.Equal(2, menus.Count);
        foreach (var command in new[] { "\"start\"", "\"code\"", "\"claim\"", "\"stats\"", "\"help\"" }) Assert.Contains(command, menus[0].Parameters["commands"]);
        Assert.DoesNotContain("\"campaign\"", menus[0].Parameters["commands"]);
        Assert.Contains("\"campaign\"", menus[1].Parameters["commands"]);
        Assert.Contains("\"admin\"", menus[1].Parameters["commands"]);
        Assert.Contains("\"chat_id\":9000", menus[1].Parameters["scope"]);
        Assert.Single(telegram.CallsTo("getMe"));
        Assert.Single(telegram.CallsTo("deleteWebhook"));
        await telegram.WaitForCallsAsync("getUpdates", 1, Wait);

        // The same menus in each other language, for apps that speak it.
        foreach (var (code, words) in new[] { ("zh", "加入"), ("ms", "Kod, pautan"), ("ta", "குறியீடு") })
        {
            var translated = all.Where(m => m.Parameters.GetValueOrDefault("language_code") == code).ToList();
            Assert.Equal(2, translated.Count);
            Assert.Contains(Descriptions(translated[0]), d => d.Contains(words, StringComparison.Ordinal));
            Assert.Contains("\"type\":\"default\"", translated[0].Parameters["scope"]);
            Assert.Contains("\"chat_id\":9000", translated[1].Parameters["scope"]);
            Assert.Contains("\"language\"", translated[1].Parameters["commands"]);
        }
    }

    private static IEnumerable<string> Descriptions(RecordedCall menu) =>
        System.Text.Json.JsonDocument.Parse(menu.Parameters["commands"]).RootElement.EnumerateArray().Select(c => c.GetProperty("description").GetString()!);

    [Fact]
    public async Task Start_then_code_sends_the_code_as_html_and_the_qr_as_a_photo_with_share_buttons()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        using var factory = await new TelegramBotFactory(telegram).ConnectedAsync();

        telegram.SendText(1001, "/start", firstName: "Alice", lastName: "<Tan>");
        var sent = await telegram.WaitForSendsToAsync(1001, 2, Wait);

        var text = Assert.Single(sent, c => c.Method == "sendMessage");
        Assert.Equal("html", text.Parameters["parse_mode"].ToLowerInvariant());
        Assert.Contains("Alice &lt;Tan&gt;", text.Parameters["text"]);
        var code = CodePattern().Match(text.Parameters["text"]).Groups[1].Value;
        Assert.Matches("^ALICE[2-9]{2}$", code);
        var keyboard = text.Parameters["reply_markup"];
        var buttons = System.Text.Json.Nodes.JsonNode.Parse(keyboard)!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()).ToList();
        Assert.StartsWith("https://wa.me/?text=", (string)buttons[0]!["url"]!, StringComparison.Ordinal);
        Assert.StartsWith($"https://t.me/share/url?url=https%3A%2F%2Fref.example.sg%2Fr%2F{code}%3Fs%3Dtg&text=", (string)buttons[1]!["url"]!, StringComparison.Ordinal);
        Assert.Equal($"I'm part of Glow Serum. Join with my code {code}. https://ref.example.sg/r/{code}?s=copy", (string)buttons[2]!["copy_text"]!["text"]!);
        Assert.DoesNotContain(buttons, b => b!.AsObject().ContainsKey("switch_inline_query")); // the fake bot has no inline mode
        Assert.Contains("\"callback_data\":\"/stats\"", keyboard);
        var photo = Assert.Single(sent, c => c.Method == "sendPhoto");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], photo.Files["photo"][..4]);
        Assert.Contains(code, photo.Parameters["caption"]);

        telegram.SendText(1001, "/code", firstName: "Alice");
        var again = await telegram.WaitForSendsToAsync(1001, 4, Wait);
        Assert.Contains($"Your code: <b>{code}</b>", again.Last(c => c.Method == "sendMessage").Parameters["text"]);
        Assert.Contains($"Telegram: https://t.me/{telegram.Username}?start={code}", again.Last(c => c.Method == "sendMessage").Parameters["text"]);
    }

    [Fact]
    public async Task A_friend_opening_the_deep_link_claims_the_code_and_the_referrer_is_told_each_in_their_apps_language()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        using var factory = await new TelegramBotFactory(telegram).ConnectedAsync();
        telegram.SendText(1001, "/start", firstName: "Alice", languageCode: "ms");
        var code = CodePattern().Match((await telegram.WaitForSendsToAsync(1001, 2, Wait))[0].Parameters["text"]).Groups[1].Value;

        telegram.SendText(2002, $"/start {code}", firstName: "Bob", languageCode: "zh-hans");
        var friend = await telegram.WaitForSendsToAsync(2002, 2, Wait);
        var referrer = await telegram.WaitForSendsToAsync(1001, 3, Wait);

        Assert.Contains($"你已用 Alice 的推荐码 <b>{code}</b> 加入 <b>Glow Serum</b>", friend[0].Parameters["text"]);
        Assert.Contains($"Bob baru sahaja menyertai Glow Serum dengan kod anda <b>{code}</b>", referrer[2].Parameters["text"]);
    }

    [Fact]
    public async Task A_button_press_is_answered_and_runs_its_command()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        using var factory = await new TelegramBotFactory(telegram).ConnectedAsync();
        telegram.SendText(1001, "/start", firstName: "Alice");
        await telegram.WaitForSendsToAsync(1001, 2, Wait);

        telegram.PressButton(1001, "/stats", firstName: "Alice");
        var sent = await telegram.WaitForSendsToAsync(1001, 3, Wait);

        await telegram.WaitForCallsAsync("answerCallbackQuery", 1, Wait);
        Assert.Contains("0 clicks", sent[2].Parameters["text"]);
        Assert.Contains("0 sign-ups", sent[2].Parameters["text"]);
    }

    [Fact]
    public async Task The_bot_token_never_appears_in_the_logs()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        using var factory = await new TelegramBotFactory(telegram).ConnectedAsync();
        telegram.SendText(1001, "/start", firstName: "Alice");
        await telegram.WaitForSendsToAsync(1001, 2, Wait);

        Assert.NotEmpty(factory.Logs.Entries);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains(telegram.Token, StringComparison.Ordinal));
    }

    [GeneratedRegex("(?:Your code|Kod anda): <b>([A-Z0-9]+)</b>")]
    private static partial Regex CodePattern();
}
