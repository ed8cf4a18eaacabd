using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Host.Tests.Support;
using ReferralBot.Testing;

namespace ReferralBot.Host.Tests.Pages;

/// <summary>The landing page over HTTP, on one service whose campaign shares pages; each test has its own referrer.</summary>
public sealed partial class LandingPageTests(LandingPageTests.Host host) : IClassFixture<LandingPageTests.Host>
{
    private const string Base = "https://ref.example.sg";

    public sealed class Host : IAsyncLifetime
    {
        public ShopHost Shop { get; } = new();

        public async Task InitializeAsync()
        {
            await Shop.SayAsync("owner", "/start");
            Assert.Contains("offer", await Shop.SayAsync("owner", "/campaign set glow-serum offer 15% off your first serum"));
            Assert.Contains("page", await Shop.SayAsync("owner", "/campaign set glow-serum page on"));
        }

        public Task DisposeAsync()
        {
            Shop.Dispose();
            return Task.CompletedTask;
        }
    }

    private ReferralBotFactory Factory => host.Shop.Factory;

    [Fact]
    public async Task The_page_shows_the_referrer_the_offer_and_the_code_and_its_button_goes_through_the_tracked_link()
    {
        await host.Shop.InfluencerAsync("amelia", "AMELIA15");

        var response = await Factory.CreateBrowser().GetAsync("/p/amelia15");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<strong>Amelia</strong> invites you to Glow Serum", html);
        Assert.Contains("<p class=\"offer\">15% off your first serum</p>", html);
        Assert.Contains("<span id=\"code\">AMELIA15</span>", html);
        Assert.Contains($"<a class=\"cta\" id=\"shop\" href=\"{Base}/r/AMELIA15?s=page\">", html);
        Assert.Contains("<title>Amelia’s code AMELIA15: 15% off your first serum · Glow Serum</title>", html);
        Assert.Matches($"<meta property=\"og:image\" content=\"{Base}/og/AMELIA15.png\\?v=[0-9a-f]{{12}}\">", html);
        Assert.Contains($"<meta property=\"og:url\" content=\"{Base}/p/AMELIA15\">", html);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\">", html);
    }

    [Fact]
    public async Task The_page_speaks_the_browsers_first_language_the_bot_speaks_and_its_switcher_keeps_the_source()
    {
        await host.Shop.InfluencerAsync("ema", "EMA15");
        var browser = Factory.CreateBrowser();

        var chinese = await GetAsync(browser, "/p/EMA15?s=ig", "fr-FR, zh-CN;q=0.8, en;q=0.5");
        var preferred = await GetAsync(browser, "/p/EMA15", "en;q=0.4, ta;q=0.9");
        var picked = await GetAsync(browser, "/p/EMA15?s=ig&lang=ms", "zh-CN");
        var unknown = await GetAsync(browser, "/p/EMA15?lang=xx", "fr");
        var missing = await GetAsync(browser, "/p/NOSUCH15", "ms-MY");

        Assert.Contains("<strong>Ema</strong> 邀请你参加 Glow Serum", chinese.Html);
        Assert.Equal("Accept-Language", chinese.Vary);
        Assert.Contains("<strong lang=\"zh-Hans\" aria-current=\"page\">中文</strong>", chinese.Html);
        Assert.Contains("<a href=\"?s=ig&amp;lang=ms\" lang=\"ms\" hreflang=\"ms\">Bahasa Melayu</a>", chinese.Html);
        Assert.Contains("<a href=\"?s=ig&amp;lang=en\" lang=\"en\" hreflang=\"en\">English</a>", chinese.Html);
        Assert.Contains("உங்களை Glow Serum பிரச்சாரத்தில் சேர அழைக்கிறார்", preferred.Html);
        Assert.Contains("<a class=\"cta\" id=\"shop\" href=\"https://ref.example.sg/r/EMA15?s=page\">Beli sekarang</a>", picked.Html);
        Assert.Contains("<a href=\"?s=ig&amp;lang=zh-Hans\"", picked.Html);
        Assert.Contains("<strong>Ema</strong> invites you to Glow Serum", unknown.Html);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("Pautan rujukan ini tidak berfungsi", missing.Html);
    }

    private static async Task<(HttpStatusCode Status, string Html, string? Vary)> GetAsync(HttpClient browser, string path, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await browser.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Vary.FirstOrDefault());
    }

    [Fact]
    public async Task The_page_loads_nothing_from_another_host_and_stays_small()
    {
        await host.Shop.InfluencerAsync("bella", "BELLA15");

        var html = await (await Factory.CreateBrowser().GetAsync("/p/BELLA15")).Content.ReadAsStringAsync();

        // Everything a browser fetches to draw the page: images, scripts, styles, frames, fonts.
        var loaded = LoadedResources().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.All(loaded, url => Assert.StartsWith(Base + "/", url, StringComparison.Ordinal));
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.True(html.Length < 12_000, $"The page is {html.Length} characters");
    }

    [Fact]
    public async Task A_voice_with_markup_in_it_is_shown_as_text()
    {
        await host.Shop.InfluencerAsync("chloe", "CHLOE15");
        Assert.Contains("Your voice is set", await host.Shop.SayAsync("chloe", "/voice <script>alert(1)</script> I \"love\" it & so will you"));

        var html = await (await Factory.CreateBrowser().GetAsync("/p/CHLOE15")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>“&lt;script&gt;alert(1)&lt;/script&gt; I &quot;love&quot; it &amp; so will you”</blockquote>", html);
        Assert.Contains("<meta property=\"og:description\" content=\"“&lt;script&gt;alert(1)&lt;/script&gt; I &quot;love&quot; it &amp; so will you” (Chloe)", html);
    }

    [Fact]
    public async Task Views_are_counted_once_per_visitor_and_day_but_not_for_previews_or_head_requests()
    {
        await host.Shop.InfluencerAsync("daria", "DARIA15");
        var browser = Factory.CreateBrowser();
        var preview = Factory.CreateBrowser();
        preview.DefaultRequestHeaders.UserAgent.ParseAdd("WhatsApp/2.23.20.0");

        await browser.GetAsync("/p/DARIA15?s=wa");
        await browser.GetAsync("/p/DARIA15?s=wa");
        Assert.Equal(HttpStatusCode.OK, (await preview.GetAsync("/p/DARIA15?s=wa")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/p/DARIA15"))).StatusCode);
        await Factory.FlushClicksAsync();

        var views = (await Factory.AllAsync<Click>()).Where(c => c.Code == "DARIA15").ToList();
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal((VisitKind.PageView, "wa"), (v.Kind, v.Source)));
        var tally = Assert.Single(await Factory.AllAsync<ClickTally>(), t => t.MemberId == views[0].MemberId);
        Assert.Equal((VisitKind.PageView, 2, 1), (tally.Kind, tally.Clicks, tally.UniqueClicks));
        Assert.Contains("👀 2 page views\n👆 0 clicks", await host.Shop.SayAsync("daria", "/stats"));
    }

    [Fact]
    public async Task The_funnel_in_the_report_starts_at_the_page_views()
    {
        await host.Shop.InfluencerAsync("elena", "ELENA15");
        await Factory.CreateBrowser().GetAsync("/p/ELENA15?s=ig");
        await Factory.CreateBrowser().GetAsync("/r/ELENA15?s=page");
        await Factory.FlushClicksAsync();

        var report = await host.Shop.SayAsync("owner", "/report glow-serum");

        Assert.Matches(@"<b>Funnel</b>: \d+ page views → \d+ unique clicks \(\d+ in all, [\d.]+% of views\)", report);
        Assert.Matches(@"• ig: \d+ page views → 0 unique clicks", report);
        Assert.Matches(@"• page: \d+ unique clicks", report);
    }

    [Fact]
    public async Task Shared_links_and_qr_codes_point_at_the_page()
    {
        await host.Shop.SayAsync("fiona", "/start");
        var pipeline = Factory.Services.GetRequiredService<InboundPipeline>();

        var replies = (await pipeline.HandleAsync(new InboundMessage("test", "fiona", "fiona", "Fiona", "/code"), CancellationToken.None)).Replies;

        var card = Assert.IsType<TextReply>(replies[0]);
        var code = Regex.Match(card.Html, "<b>([A-Z0-9]+)</b>").Groups[1].Value;
        Assert.Contains($"Your link: {Base}/p/{code}\n", card.Html);
        Assert.Equal($"{Base}/p/{code}?s=qr", Assert.IsType<QrCodeReply>(replies[1]).EncodedText);
    }

    [Fact]
    public async Task The_photo_shows_on_the_page_and_the_page_with_it_stays_under_50_KB()
    {
        await host.Shop.InfluencerAsync("ivy", "IVY15");
        var pipeline = Factory.Services.GetRequiredService<InboundPipeline>();
        var sent = await pipeline.HandleAsync(
            new InboundMessage("test", "ivy", "ivy", "Ivy", "/photo") { Photo = TestPictures.NoisyJpeg(1280, 1280) }, CancellationToken.None);
        Assert.Contains("show this photo now", Assert.IsType<TextReply>(Assert.Single(sent.Replies)).Html);
        var browser = Factory.CreateBrowser();

        var html = await (await browser.GetAsync("/p/IVY15")).Content.ReadAsStringAsync();
        var src = Regex.Match(html, "<img class=\"photo\" src=\"([^\"]+)\" alt=\"Ivy\"").Groups[1].Value;
        Assert.StartsWith($"{Base}/p/IVY15/photo.jpg?v=", src, StringComparison.Ordinal);
        var photo = await browser.GetAsync(src[Base.Length..]);

        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=604800", photo.Headers.CacheControl!.ToString());
        var total = System.Text.Encoding.UTF8.GetByteCount(html) + (await photo.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(total < 50 * 1024, $"page and photo: {total} bytes");
    }

    [Fact]
    public async Task The_preview_card_is_a_1200_by_630_png_named_by_what_it_shows()
    {
        var code = await CodeInAsync("jun", "cards", pages: true);
        var browser = Factory.CreateBrowser();
        var before = CardUrl(await (await browser.GetAsync($"/p/{code}")).Content.ReadAsStringAsync());

        var card = await browser.GetAsync(before[Base.Length..]);

        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        Assert.Equal("image/png", card.Content.Headers.ContentType!.MediaType);
        var (width, height, _) = TestPictures.Read(await card.Content.ReadAsByteArrayAsync());
        Assert.Equal((1200, 630), (width, height));
        await host.Shop.SayAsync("owner", "/campaign set cards offer A free travel-size serum");
        var after = CardUrl(await (await browser.GetAsync($"/p/{code}")).Content.ReadAsStringAsync());
        Assert.NotEqual(before, after);
        var unknown = await browser.GetAsync("/og/NOSUCH99.png");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    private static string CardUrl(string html) => Regex.Match(html, "<meta property=\"og:image\" content=\"([^\"]+)\">").Groups[1].Value;

    [Theory]
    [InlineData("/p/NOSUCH99")]
    [InlineData("/p/not%20a%20code")]
    public async Task An_unknown_code_gets_the_friendly_404_page(string path)
    {
        var response = await Factory.CreateBrowser().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This referral link doesn’t work", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_campaign_without_pages_sends_its_page_links_on_to_the_tracked_link()
    {
        var code = await CodeInAsync("gina", "no-pages", pages: false);

        var response = await Factory.CreateBrowser().GetAsync($"/p/{code}?s=wa");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Base}/r/{code}?s=wa", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_ended_campaigns_page_is_not_found()
    {
        var code = await CodeInAsync("hana", "autumn", pages: true);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateBrowser().GetAsync($"/p/{code}")).StatusCode);

        Assert.Contains("ended", await host.Shop.SayAsync("owner", "/campaign end autumn"));
        var response = await Factory.CreateBrowser().GetAsync($"/p/{code}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This referral link doesn’t work", await response.Content.ReadAsStringAsync());
    }

    // A campaign of the test's own (so its settings touch no other test), and the user's code in it.
    private async Task<string> CodeInAsync(string user, string slug, bool pages)
    {
        Assert.Contains(slug, await host.Shop.SayAsync("owner", $"/campaign new {slug} https://shop.example.sg/{slug}"));
        await host.Shop.SayAsync("owner", $"/campaign set {slug} page {(pages ? "on" : "off")}");
        return Regex.Match(await host.Shop.SayAsync(user, $"/code {slug}"), "<b>([A-Z0-9]+)</b>").Groups[1].Value;
    }

    [GeneratedRegex("""<(?:img|script|link|iframe|source|video|audio)\b[^>]*\b(?:src|href)="(?<url>[^"]*)""")]
    private static partial Regex LoadedResources();
}
