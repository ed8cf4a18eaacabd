using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Tests.Nudges;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Languages;

public sealed class LanguageScriptTests(LanguageScriptTests.SharedChat shared) : IClassFixture<LanguageScriptTests.SharedChat>
{
    /// <summary>One service for the tests that change nothing but their own person's language (each has its own person).</summary>
    public sealed class SharedChat : IAsyncLifetime
    {
        public ChatScript Chat { get; private set; } = null!;

        public async Task InitializeAsync() => Chat = await ChatScript.StartAsync(ChatScript.Unthrottled);

        public Task DisposeAsync() => Chat.DisposeAsync().AsTask();
    }

    [Theory]
    [InlineData("zh-CN", "zh-Hans", "欢迎参加")]
    [InlineData("zh", "zh-Hans", "欢迎参加")]
    [InlineData("ms", "ms", "Selamat datang ke")]
    [InlineData("ta-IN", "ta", "க்கு வருக")]
    [InlineData("en-GB", "en", "Welcome to")]
    public async Task On_first_contact_the_app_language_becomes_theirs(string locale, string language, string welcome)
    {
        var (chat, user) = (shared.Chat, "first-" + locale);

        var said = await chat.SendAsync(user, "/start", locale: locale);

        Assert.Contains(welcome, said.Text);
        Assert.Equal(language, await LanguageOfAsync(chat, user));
    }

    [Fact]
    public async Task Language_shows_a_button_for_each_language_named_in_itself_and_a_choice_sticks_over_the_app_language()
    {
        var chat = shared.Chat;
        await chat.SendAsync("mei", "/start", locale: "en-SG");

        var menu = await chat.SendAsync("mei", "/language", locale: "en-SG");
        var set = await chat.SendAsync("mei", menu.Buttons.Single(b => b.Label == "中文").Value, locale: "en-SG");
        var help = await chat.SendAsync("mei", "/help", locale: "en-SG");
        var again = await chat.SendAsync("mei", "/language zh-hans", locale: "en-SG");

        Assert.StartsWith("🌐 I speak English with you.", menu.Text);
        Assert.Equal(["English", "Bahasa Melayu", "தமிழ்", "中文"], menu.Buttons.Select(b => b.Label));
        Assert.All(menu.Buttons, b => Assert.Equal(ButtonKind.Command, b.Kind));
        Assert.Equal("/language zh-Hans", menu.Buttons[3].Value);
        Assert.StartsWith("✅ 好的，以后我会用中文给你发消息。", set.Text);
        Assert.StartsWith("我会给你一个专属推荐码", help.Text);
        Assert.Contains("/language", help.Text);
        Assert.StartsWith("✅ 我们已经在用中文聊天了。", again.Text);
        Assert.Equal("zh-Hans", await LanguageOfAsync(chat, "mei"));
    }

    [Theory]
    [InlineData("Malay", "ms")]
    [InlineData("bahasa melayu", "ms")]
    [InlineData("தமிழ்", "ta")]
    [InlineData("Chinese", "zh-Hans")]
    [InlineData("EN", "en")]
    public async Task A_language_can_be_named_by_its_code_or_its_name(string asked, string language)
    {
        var (chat, user) = (shared.Chat, "named-" + asked);
        await chat.SendAsync(user, "/start");

        await chat.SendAsync(user, $"/language {asked}");

        Assert.Equal(language, await LanguageOfAsync(chat, user));
    }

    [Fact]
    public async Task A_language_the_bot_does_not_speak_is_answered_with_the_choices_and_changes_nothing()
    {
        var chat = shared.Chat;
        await chat.SendAsync("aminah", "/start", locale: "ms-MY");

        var said = await chat.SendAsync("aminah", "/language fr", locale: "ms-MY");

        Assert.StartsWith("Saya tidak boleh bercakap “fr”. Pilih satu di bawah, atau tulis /language dengan en, ms, ta, zh-Hans.", said.Text);
        Assert.Equal(4, said.Buttons.Count);
        Assert.Equal("ms", await LanguageOfAsync(chat, "aminah"));
    }

    [Fact]
    public async Task The_campaign_language_is_spoken_to_people_whose_app_language_the_bot_does_not_speak()
    {
        await using var chat = await ChatScript.StartAsync(ChatScript.Unthrottled);
        await chat.SendAsync("jane", "/start");
        var set = await chat.SendAsync("admin", "/campaign set glow-serum language ZH");
        var bad = await chat.SendAsync("admin", "/campaign set glow-serum language klingon");

        var french = await chat.SendAsync("pierre", "/start", locale: "fr-FR");
        var malay = await chat.SendAsync("aminah", "/start", locale: "ms");
        var unsaid = await chat.SendAsync("ghost", "/start", locale: "");
        var jane = await chat.SendAsync("jane", "/help");

        Assert.Equal("✅ glow-serum language: (not set) → zh-Hans", set.Text);
        Assert.Equal("I don't speak “klingon”: the language is one of en, ms, ta, zh-Hans, or none (English). Nothing was changed.", bad.Text);
        Assert.Contains("欢迎参加", french.Text);
        Assert.Null(await LanguageOfAsync(chat, "pierre"));
        Assert.Contains("Selamat datang ke", malay.Text);
        Assert.Contains("欢迎参加", unsaid.Text); // an app that reports no language
        Assert.StartsWith("I hand out your personal referral code", jane.Text);
    }

    [Theory]
    [InlineData(ChatScript.Sqlite)]
    [InlineData(ChatScript.Postgres)]
    public async Task A_deep_link_claim_answers_in_the_language_chosen_before_it_whatever_the_app_says(string store)
    {
        await using var chat = await ChatScript.StartOnAsync(store);
        await chat.SendAsync("jane", "/start");
        var code = (await chat.SendAsync("jane", "/code")).Code;
        await chat.SendAsync("kumar", "/language ta");

        var claimed = await chat.SendAsync("kumar", $"/start {code}", locale: "en-SG");
        var newcomer = await chat.SendAsync("siti", $"/start {code}", locale: "ms-SG");
        await chat.SendAsync("ghost", "/help", locale: "");
        var unspoken = await chat.SendAsync("pierre", $"/start {code}", locale: "fr-FR");
        var unsaid = await chat.SendAsync("ghost", $"/start {code}", locale: "");

        Assert.StartsWith("நீங்கள் சேர்ந்துவிட்டீர்கள்! 🎉", claimed.Text);
        Assert.Equal("ta", await LanguageOfAsync(chat, "kumar"));
        Assert.StartsWith("Anda sudah masuk! 🎉", newcomer.Text);
        Assert.Equal("ms", await LanguageOfAsync(chat, "siti"));
        Assert.StartsWith("You're in! 🎉", unspoken.Text); // a language the bot does not speak, new and known: English
        Assert.StartsWith("You're in! 🎉", unsaid.Text);
        Assert.Null(await LanguageOfAsync(chat, "pierre"));
        Assert.Null(await LanguageOfAsync(chat, "ghost"));
    }

    [Fact]
    public async Task Notices_and_nudges_are_written_in_the_language_of_who_receives_them()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("bob", "/language ta");
        await chat.SendAsync("jane", "/language zh-Hans");
        await chat.SendAsync("aminah", "/start JANE20", locale: "ms");
        var joined = await chat.Outbound.NextAsync();

        await chat.BuysAsync("1001", "bob");
        await chat.DispatchAsync();
        chat.Time.Advance(TimeSpan.FromMinutes(10));
        await chat.DispatchAsync();

        Assert.Equal("jane", joined.ChatId);
        Assert.StartsWith("🙌 Aminah 刚刚用你的推荐码", joined.Said.Text);
        Assert.StartsWith("🛍", chat.To("jane").Last());
        Assert.Contains("8.00", chat.To("jane").Last());
        Assert.Contains("你", chat.To("jane").Last());
        Assert.StartsWith("உங்கள் ஆர்டருக்கு நன்றி, Bob", chat.To("bob").Single());
    }

    [Fact]
    public async Task A_report_counts_and_costs_in_the_admins_language()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync(ChatScript.Unthrottled);
        await chat.SendAsync("admin", "/confirm 1001 JANE20 80");
        await chat.SendAsync("admin", "/language zh-Hans");

        var report = (await chat.SendAsync("admin", "/report")).Text;

        Assert.Contains("→ 1 人注册", report);
        Assert.Contains("→ 1 笔购买", report);
        Assert.Contains("（佣金 8.00 SGD）", report);
        Assert.Contains("按 1 位被推荐客户计算", report);
        Assert.DoesNotContain("purchase", report);
        Assert.DoesNotContain("commission", report);
    }

    [Fact]
    public async Task Campaign_settings_say_their_days_and_hours_in_the_admins_language()
    {
        await using var chat = await ChatScript.StartAsync(ChatScript.Unthrottled);
        await chat.SendAsync("admin", "/language ms");
        await chat.SendAsync("admin", "/campaign new summer https://shop.example.sg/summer Summer");

        var delay = await chat.SendAsync("admin", "/campaign set summer share-again-delay 12h");
        var hold = await chat.SendAsync("admin", "/campaign set summer hold 1");
        var shown = await chat.SendAsync("admin", "/campaign show summer");

        Assert.Equal("✅ summer share-again-delay: (belum ditetapkan) → 12 jam", delay.Text);
        Assert.Equal("✅ summer hold: 30 hari → 1 hari", hold.Text);
        Assert.Contains("Window: 30 hari", shown.Text);
        Assert.Contains("Default: no", shown.Text);
        Assert.Contains("Hold: 1 hari", shown.Text);
    }

    private static Task<string?> LanguageOfAsync(ChatScript chat, string user) =>
        chat.DbAsync(db => db.People.Where(p => p.ExternalId == user).Select(p => p.Language).SingleAsync());
}
