using ReferralBot.Core.Tests.Nudges;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Languages;

/// <summary>
/// The main flow in each language, as two people whose apps speak it go through it: start, code, a friend's claim and the
/// referrer's notice, stats, and a purchase's nudges. Each message is in the language (a phrase of its template), carries
/// no English template's words and no Liquid.
/// </summary>
public sealed class ConversationInEveryLanguageTests
{
    private sealed record Phrases(string Welcome, string Code, string Claimed, string Notice, string Stats, string Purchase, string Thanks);

    private static readonly Phrases English = new("Welcome to Glow Serum, Jane!", "Your code: ", "You're in! 🎉", "just joined Glow Serum with your code",
        "🙋 1 sign-up", "🛍 Your referral just bought: you earned 8.00 SGD.", "Thank you for your order, Bob! 💛");

    private static readonly Dictionary<string, Phrases> Expected = new()
    {
        ["en"] = English,
        ["zh-hans"] = new("欢迎参加 Glow Serum，Jane！🎉", "你的推荐码：", "加入成功！🎉", "刚刚用你的推荐码", "🙋 1 人注册", "🛍 你推荐的朋友刚刚下单了：你赚到了 8.00 SGD。",
            "Bob，谢谢你的订单！💛"),
        ["ms"] = new("Selamat datang ke Glow Serum, Jane! 🎉", "Kod anda: ", "Anda sudah masuk! 🎉", "baru sahaja menyertai Glow Serum dengan kod anda",
            "🙋 1 pendaftaran", "🛍 Orang yang anda rujuk baru sahaja membeli: anda memperoleh 8.00 SGD.", "Terima kasih atas pesanan anda, Bob! 💛"),
        ["ta"] = new("Glow Serum க்கு வருக, Jane! 🎉", "உங்கள் குறியீடு: ", "நீங்கள் சேர்ந்துவிட்டீர்கள்! 🎉", "உங்கள் குறியீட்டைக் கொண்டு Bob", "🙋 1 பதிவு",
            "🛍 நீங்கள் பரிந்துரைத்தவர் இப்போதுதான் வாங்கியுள்ளார்: நீங்கள் 8.00 SGD ஈட்டினீர்கள்.", "உங்கள் ஆர்டருக்கு நன்றி, Bob! 💛"),
    };

    public static TheoryData<string> Languages() => new(Expected.Keys);

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_main_flow_speaks_the_language_of_the_app(string locale)
    {
        await using var chat = await ChatScript.StartAsync(NudgeScript.Sgd);
        var welcome = (await chat.SendAsync("jane", "/start", "Jane", locale: locale)).Text;
        await chat.SendAsync("admin", "/influencer glow-serum test:jane JANE20");
        var code = (await chat.SendAsync("jane", "/code", locale: locale)).Text;
        var claimed = (await chat.SendAsync("bob", "/start JANE20", "Bob", locale: locale)).Text;
        var notice = (await chat.Outbound.NextAsync()).Said.Text;
        var stats = (await chat.SendAsync("jane", "/stats", locale: locale)).Text;
        await chat.BuysAsync("1001", "bob");
        await chat.DispatchAsync();
        chat.Time.Advance(TimeSpan.FromMinutes(10));
        await chat.DispatchAsync();
        var purchase = chat.To("jane").Last();
        var thanks = chat.To("bob").Single();

        var expected = Expected[locale];
        string[] said = [welcome, code, claimed, notice, stats, purchase, thanks];
        string[] phrases = [expected.Welcome, expected.Code, expected.Claimed, expected.Notice, expected.Stats, expected.Purchase, expected.Thanks];
        string[] english = [English.Welcome, English.Code, English.Claimed, English.Notice, English.Stats, English.Purchase, English.Thanks];
        Assert.All(said.Zip(phrases), step => Assert.Contains(step.Second, step.First));
        if (locale != "en") Assert.All(said.Zip(english), step => Assert.DoesNotContain(step.Second, step.First));
        Assert.All(said, text => Assert.DoesNotMatch(@"\{\{|\{%|\}\}", text));
    }
}
