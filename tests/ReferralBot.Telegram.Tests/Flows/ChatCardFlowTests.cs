using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReferralBot.FakeTelegram;
using ReferralBot.Telegram.Tests.Support;

namespace ReferralBot.Telegram.Tests.Flows;

/// <summary>Posting your card to any chat with the bot's inline mode, through the real Telegram.Bot client.</summary>
public sealed partial class ChatCardFlowTests(ChatCardFlowTests.Service service) : IClassFixture<ChatCardFlowTests.Service>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public sealed class Service() : ConnectedBot(
        new FakeBotApiOptions { SupportsInlineQueries = true }, "/campaign set glow-serum offer 15% off your first serum");

    private FakeBotApi Telegram => service.Telegram;

    [Fact]
    public async Task The_share_to_a_chat_button_starts_an_inline_query_that_answers_with_the_persons_card()
    {
        Telegram.SendText(3001, "/start", firstName: "Nur");
        var card = (await Telegram.WaitForSendsToAsync(3001, 2, Wait))[0];
        var code = Code().Match(card.Parameters["text"]).Groups[1].Value;
        var buttons = JsonNode.Parse(card.Parameters["reply_markup"])!["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).ToList();
        Assert.Equal(code, (string)buttons.Single(b => b!.AsObject().ContainsKey("switch_inline_query"))!["switch_inline_query"]!);

        var answers = Telegram.CallsTo("answerInlineQuery").Count;
        Telegram.SendInlineQuery(3001, code, firstName: "Nur");
        var answer = (await Telegram.WaitForCallsAsync("answerInlineQuery", answers + 1, Wait))[answers];

        var result = Assert.Single(JsonNode.Parse(answer.Parameters["results"])!.AsArray())!;
        Assert.Equal(("article", code), ((string)result["type"]!, (string)result["id"]!));
        Assert.Equal($"Nur’s code {code}: 15% off your first serum · Glow Serum", (string)result["title"]!);
        var link = $"https://ref.example.sg/r/{code}?s=tg-card";
        Assert.Equal("HTML", ((string)result["input_message_content"]!["parse_mode"]!).ToUpperInvariant());
        Assert.Equal(
            $"I'm part of Glow Serum. Get 15% off your first serum when you join with my code {code}.\n{link}",
            System.Net.WebUtility.HtmlDecode((string)result["input_message_content"]!["message_text"]!));
        Assert.Equal(link, (string)result["input_message_content"]!["link_preview_options"]!["url"]!);
        Assert.Equal(link, (string)result["reply_markup"]!["inline_keyboard"]![0]![0]!["url"]!);
        Assert.Equal("true", answer.Parameters["is_personal"]);
    }

    [Fact]
    public async Task Someone_without_a_code_is_offered_the_chat_that_gives_one()
    {
        var answers = Telegram.CallsTo("answerInlineQuery").Count;

        Telegram.SendInlineQuery(3002, "", firstName: "Ali");
        var answer = (await Telegram.WaitForCallsAsync("answerInlineQuery", answers + 1, Wait))[answers];

        Assert.Empty(JsonNode.Parse(answer.Parameters["results"])!.AsArray());
        Assert.Equal("join-here", (string)JsonNode.Parse(answer.Parameters["button"])!["start_parameter"]!);
    }

    [Fact]
    public async Task A_posted_card_is_counted_once_however_often_telegram_reports_it()
    {
        Telegram.SendText(3003, "/start", firstName: "Lin");
        var code = Code().Match((await Telegram.WaitForSendsToAsync(3003, 2, Wait))[0].Parameters["text"]).Groups[1].Value;

        var chosen = Telegram.ChooseInlineResult(3003, code, "", firstName: "Lin");
        Telegram.Redeliver(chosen);
        Telegram.ChooseInlineResult(3003, "NOTMINE99", "", firstName: "Lin"); // a result id that is no code of theirs: ignored
        Telegram.SendText(3003, "/stats", firstName: "Lin");
        var stats = (await Telegram.WaitForSendsToAsync(3003, 3, Wait))[2];

        Assert.Contains("📣 1 card posted to chats", stats.Parameters["text"]);
    }

    [Fact]
    public async Task Share_sends_captions_telegram_accepts_with_a_copy_button_each()
    {
        Telegram.SendText(3004, "/start", firstName: "Kai");
        await Telegram.WaitForSendsToAsync(3004, 2, Wait);

        Telegram.SendText(3004, "/share", firstName: "Kai");
        var kit = (await Telegram.WaitForSendsToAsync(3004, 3, Wait))[2];

        Assert.Equal(3, Regex.Count(kit.Parameters["text"], "<pre>"));
        var copies = JsonNode.Parse(kit.Parameters["reply_markup"])!["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray())
            .Select(b => (string?)b!["copy_text"]?["text"]).ToList();
        Assert.Equal(3, copies.Count(c => c is not null));
        Assert.Contains(copies, c => c!.Contains("?s=ig", StringComparison.Ordinal));
    }

    [GeneratedRegex("Your code: <b>([A-Z0-9]+)</b>")]
    private static partial Regex Code();
}
