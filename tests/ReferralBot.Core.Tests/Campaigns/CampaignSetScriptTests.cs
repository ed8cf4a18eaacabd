using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Campaigns;

public sealed class CampaignSetScriptTests(CampaignSetScriptTests.SharedChat shared) : IClassFixture<CampaignSetScriptTests.SharedChat>
{
    /// <summary>One chat for the tests of a single setting: each makes a campaign of its own, as glow-serum starts out.</summary>
    public sealed class SharedChat : IAsyncLifetime
    {
        private int campaigns;

        public ChatScript Chat { get; private set; } = null!;

        public async Task InitializeAsync() => Chat = await ChatScript.StartAsync(ChatScript.Unthrottled);

        public async Task DisposeAsync() => await Chat.DisposeAsync();

        public async Task<Campaign> NewCampaignAsync()
        {
            var slug = $"set-{Interlocked.Increment(ref campaigns)}";
            Assert.Contains(slug, (await Chat.SendAsync("admin", $"/campaign new {slug} https://shop.example.sg/serum?lang=en Glow Serum")).Text);
            return await Chat.DbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Slug == slug));
        }

        public Task<List<AuditEntry>> SettingsAuditedAsync(Campaign campaign) =>
            Chat.DbAsync(db => db.Set<AuditEntry>().Where(a => a.CampaignId == campaign.Id && a.Action.StartsWith("campaign.set")).ToListAsync());
    }

    [Theory]
    [InlineData("name Glow Serum Launch", "name: Glow Serum → Glow Serum Launch")]
    [InlineData("landing https://shop.example.sg/new", "landing: https://shop.example.sg/serum?lang=en → https://shop.example.sg/new")]
    [InlineData("currency sgd", "currency: USD → SGD")]
    [InlineData("offer 20% off your first order", "offer: (not set) → 20% off your first order")]
    [InlineData("discount 15%", "discount: (not set) → 15%")]
    [InlineData("discount welcome10", "discount: (not set) → WELCOME10")]
    [InlineData("referrer-reward 5.5", "referrer-reward: (not set) → 5.50 USD")]
    [InlineData("referrer-reward USD 7", "referrer-reward: (not set) → 7.00 USD")]
    [InlineData("commission 12.5%", "commission: 10% → 12.5%")]
    [InlineData("flat-fee 150", "flat-fee: (not set) → 150.00 USD")]
    [InlineData("window 14", "window: 30 days → 14 days")]
    [InlineData("window 1", "window: 30 days → 1 day")]
    [InlineData("hold 14", "hold: 30 days → 14 days")]
    [InlineData("hold 0", "hold: 30 days → 0 days")]
    [InlineData("starts 2026-12-01", "starts: (not set) → 1 December 2026 (UTC)")]
    [InlineData("ends 2027-01-31 18:00", "ends: (not set) → 31 January 2027, 18:00 (UTC)")]
    [InlineData("timezone Asia/Singapore", "timezone: UTC → Asia/Singapore")]
    [InlineData("terms One reward per friend. Not for staff.", "terms: (not set) → One reward per friend. Not for staff.")]
    [InlineData("default yes", "default: no → yes")]
    [InlineData("page on", "page: off → on")]
    [InlineData("disclosure #ad · I earn a commission on your order", "disclosure: (not set) → #ad · I earn a commission on your order")]
    [InlineData("share-text   Glow like   me ✨", "share-text: (not set) → Glow like me ✨")]
    [InlineData("nudge-thank-you Thanks {{ name }}!", "nudge-thank-you: (not set) → Thanks {{ name }}!")]
    [InlineData("nudge-thank-you <b>Thanks</b> &amp; welcome, {{ name }}!", "nudge-thank-you: (not set) → <b>Thanks</b> &amp; welcome, {{ name }}!")]
    [InlineData("nudge-share-again Share {{ code }} again?", "nudge-share-again: (not set) → Share {{ code }} again?")]
    [InlineData("share-again-delay 36h", "share-again-delay: (not set) → 36 hours")]
    [InlineData("share-again-delay 7 days", "share-again-delay: (not set) → 7 days")]
    public async Task Each_setting_is_applied_shown_and_audited(string keyAndValue, string expected)
    {
        var chat = shared.Chat;
        var campaign = await shared.NewCampaignAsync();

        var said = await chat.SendAsync("admin", $"/campaign set {campaign.Slug} {keyAndValue}");

        Assert.Equal($"✅ {campaign.Slug} {expected}", said.Text);
        var entry = Assert.Single(await shared.SettingsAuditedAsync(campaign));
        Assert.Equal($"campaign.set {keyAndValue.Split(' ')[0]}", entry.Action);
        Assert.Contains(expected.Split(": ", 2)[1].Split(" → ")[1], (await chat.SendAsync("admin", $"/campaign show {campaign.Slug}")).Text);
    }

    [Theory]
    [InlineData("landing ftp://shop.example.sg", "isn't a valid landing: expected an http(s) URL")]
    [InlineData("currency XYZ", "expected an ISO 4217 currency code")]
    [InlineData("currency dollars", "expected an ISO 4217 currency code")]
    [InlineData("commission 101", "expected a percentage from 0 to 100")]
    [InlineData("commission -5", "expected a percentage from 0 to 100")]
    [InlineData("commission ten", "expected a percentage from 0 to 100")]
    [InlineData("referrer-reward -1", "expected an amount of 0 or more")]
    [InlineData("referrer-reward 1.005", "expected an amount of 0 or more")]
    [InlineData("referrer-reward SGD 5", "Amounts for glow-serum are in USD")]
    [InlineData("flat-fee lots", "expected an amount of 0 or more")]
    [InlineData("discount 150%", "expected a percentage like 15% or a discount code")]
    [InlineData("discount a!", "expected a percentage like 15% or a discount code")]
    [InlineData("window 0", "expected a number of days from 1 to 365")]
    [InlineData("window 400", "expected a number of days from 1 to 365")]
    [InlineData("hold -1", "expected a number of days from 0 to 365")]
    [InlineData("hold 366", "expected a number of days from 0 to 365")]
    [InlineData("hold two weeks", "expected a number of days from 0 to 365")]
    [InlineData("starts 01/12/2026", "expected a date like 2026-12-01")]
    [InlineData("starts 2026-02-30", "expected a date like 2026-12-01")]
    [InlineData("timezone Mars/Olympus", "expected an IANA time zone")]
    [InlineData("default maybe", "expected yes or no")]
    [InlineData("page maybe", "expected on or off")]
    [InlineData("nudge-thank-you Thanks {{ name", "That isn't a valid message template (Liquid)")]
    [InlineData("nudge-thank-you Thanks <3 {{ name }}", "A message template may use only <b>, <i>, <u>, <s>, <code> and <pre> tags")]
    [InlineData("nudge-share-again Tom & Jerry say {{ code }}", "A message template may use only")]
    [InlineData("share-again-delay soon", "“soon” isn't a delay: write it in days or hours")]
    [InlineData("share-again-delay 0h", "“0h” isn't a delay")]
    [InlineData("share-again-delay 91d", "“91d” isn't a delay")]
    [InlineData("colour pink", "There is no setting “colour”. Settings: name, landing, currency")]
    public async Task A_bad_value_names_the_problem_and_the_expected_form_and_changes_nothing(string keyAndValue, string expected)
    {
        var chat = shared.Chat;
        var before = await shared.NewCampaignAsync();

        var said = await chat.SendAsync("admin", $"/campaign set {before.Slug} {keyAndValue}");

        Assert.Contains(expected.Replace("glow-serum", before.Slug, StringComparison.Ordinal), said.Text);
        Assert.EndsWith("Nothing was changed.", said.Text, StringComparison.Ordinal);
        var after = await chat.DbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == before.Id));
        Assert.Equivalent(before, after);
        Assert.Empty(await shared.SettingsAuditedAsync(before));
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("admin", "/campaign set glow-serum starts 2026-12-10");

        var said = await chat.SendAsync("admin", "/campaign set glow-serum ends 2026-12-01");

        Assert.Contains("A campaign must end after it starts", said.Text);
        Assert.Null(await chat.DbAsync(db => db.Campaigns.Select(c => c.EndsAt).SingleAsync()));
    }

    [Fact]
    public async Task Outside_its_dates_a_campaign_refuses_claims_and_says_when_it_opens_or_closed()
    {
        await using var chat = await ChatScript.StartAsync(); // the clock starts at 24 November 2026, 09:00 UTC
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        await chat.SendAsync("admin", "/campaign set glow-serum timezone Asia/Singapore");
        await chat.SendAsync("admin", "/campaign set glow-serum starts 2026-12-01");
        await chat.SendAsync("admin", "/campaign set glow-serum ends 2026-12-31 18:00");

        var early = await chat.SendAsync("bob", $"/claim {jane}");
        chat.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(9)); // 1 December, 08:00 in Singapore
        var open = await chat.SendAsync("bob", $"/claim {jane}");
        chat.Time.Advance(TimeSpan.FromDays(31));
        var late = await chat.SendAsync("mei", $"/claim {jane}");

        Assert.Contains("hasn't started yet: it opens for sign-ups on 1 December 2026 (Asia/Singapore)", early.Text);
        Assert.Contains("You're in!", open.Text);
        Assert.Contains("closed for sign-ups on 31 December 2026, 18:00 (Asia/Singapore)", late.Text);
        Assert.Equal(1, await chat.CountAsync<Claim>());
    }

    [Fact]
    public async Task Start_joins_the_campaign_an_admin_made_the_default_and_only_one_is_default()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("admin", "/campaign new spring https://shop.example.sg/spring Spring Sale");
        await chat.SendAsync("admin", "/campaign new summer https://shop.example.sg/summer Summer Sale");
        await chat.SendAsync("admin", "/campaign set spring default yes");

        var joined = await chat.SendAsync("jane", "/start");
        await chat.SendAsync("admin", "/campaign set summer default yes");
        var defaults = await chat.DbAsync(db => db.Campaigns.Where(c => c.IsDefault).Select(c => c.Slug).ToListAsync());

        Assert.Contains("Welcome to Spring Sale", joined.Text);
        Assert.Equal(["summer"], defaults);
    }

    [Fact]
    public async Task Show_says_which_campaign_start_joins_even_when_no_admin_chose_one()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("admin", "/campaign new spring https://shop.example.sg/spring Spring Sale");

        var configured = await chat.SendAsync("admin", "/campaign show glow-serum");
        var other = await chat.SendAsync("admin", "/campaign show spring");
        await chat.SendAsync("admin", "/campaign set spring default yes");
        var chosen = await chat.SendAsync("admin", "/campaign show spring");
        var formerly = await chat.SendAsync("admin", "/campaign show glow-serum");

        Assert.Contains("Default: yes, as /start finds no other", configured.Text);
        Assert.Contains("Default: no", other.Text);
        Assert.Contains("Default: yes\n", chosen.Text + "\n");
        Assert.Contains("Default: no", formerly.Text);
    }

    [Fact]
    public async Task The_offer_and_discount_are_shown_to_a_friend_who_claims_and_in_the_share_text()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        await chat.SendAsync("admin", "/campaign set glow-serum offer 20% off your first serum");
        await chat.SendAsync("admin", "/campaign set glow-serum discount welcome20");

        var said = await chat.SendAsync("bob", $"/start {jane}");

        Assert.Contains("🎁 Your welcome offer: 20% off your first serum (use WELCOME20 at checkout).", said.Text);
        Assert.StartsWith("I'm part of Glow Serum. Get 20% off your first serum when you join with my code BOB",
            said.Buttons.Single(b => b.Kind == ReferralBot.Core.Conversation.ButtonKind.Share).ShareText, StringComparison.Ordinal);
    }
}
