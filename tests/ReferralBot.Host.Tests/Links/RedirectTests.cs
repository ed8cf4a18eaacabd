using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Links;

/// <summary>The tracked link over HTTP, on one service for the tests that change nothing shared (each with its own referrer).</summary>
public sealed class RedirectTests(RedirectTests.Service service) : IClassFixture<RedirectTests.Service>
{
    public sealed class Service : IDisposable
    {
        public ReferralBotFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private async Task<List<ReferralBot.Core.Clicks.Click>> ClicksOfAsync(string code)
    {
        await service.Factory.FlushClicksAsync();
        return (await service.Factory.StoredClicksAsync()).Where(c => c.Code == code).ToList();
    }

    [Fact]
    public async Task A_click_redirects_to_the_landing_url_with_the_utm_tags_and_is_counted()
    {
        var factory = service.Factory;
        var code = await factory.CodeOfAsync("ava");

        var response = await factory.CreateBrowser().GetAsync($"/r/{code}?s=ig");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(
            $"https://shop.example.sg/serum?lang=en&utm_source=ig&utm_medium=referral&utm_campaign=glow-serum&utm_content={code}&ref={code}#buy",
            response.Headers.Location!.OriginalString);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var click = Assert.Single(await ClicksOfAsync(code));
        Assert.Equal(code, click.Code);
        Assert.Equal("ig", click.Source);
        Assert.NotNull(click.Visitor);
    }

    [Fact]
    public async Task The_code_in_the_link_is_case_insensitive()
    {
        var factory = service.Factory;
        var code = await factory.CodeOfAsync("bea");

        var response = await factory.CreateBrowser().GetAsync($"/r/{code.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"utm_content={code}&ref={code}", response.Headers.Location!.OriginalString);
        Assert.Contains("utm_source=referralbot", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("end")]
    public async Task A_paused_or_ended_campaigns_links_still_land_on_its_page(string action)
    {
        using var factory = new ReferralBotFactory(new Dictionary<string, string?> { ["Clicks:TargetCacheDuration"] = "00:00:00" });
        var code = await factory.CodeOfAsync("jane");
        var gateway = factory.Services.GetRequiredService<ReferralBot.Core.Inbound.InboundPipeline>();
        var changed = (await gateway.HandleAsync(new("console", "owner", "owner", "Owner", $"/campaign {action} glow-serum"), CancellationToken.None)).Replies;

        var response = await factory.CreateBrowser().GetAsync($"/r/{code}");

        Assert.Contains("is now", Assert.IsType<ReferralBot.Core.Conversation.TextReply>(Assert.Single(changed)).Html);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://shop.example.sg/serum?lang=en&utm_source=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_landing_url_is_used_at_once_despite_the_cache()
    {
        using var factory = new ReferralBotFactory();
        var code = await factory.CodeOfAsync("jane");
        var browser = factory.CreateBrowser();
        await browser.GetAsync($"/r/{code}"); // caches the target
        var gateway = factory.Services.GetRequiredService<ReferralBot.Core.Inbound.InboundPipeline>();
        await gateway.HandleAsync(new("console", "owner", "owner", "Owner", "/campaign set glow-serum landing https://shop.example.sg/new"), CancellationToken.None);

        var response = await browser.GetAsync($"/r/{code}");

        Assert.StartsWith("https://shop.example.sg/new?utm_source=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_click_shows_in_the_members_stats()
    {
        var factory = service.Factory;
        var code = await factory.CodeOfAsync("cat");

        await factory.CreateBrowser().GetAsync($"/r/{code}");
        await factory.FlushClicksAsync();

        Assert.Contains("1 click, last one", await factory.SayAsync("cat", "/stats"));
    }

    [Theory]
    [InlineData("TelegramBot (like TwitterBot)")]
    [InlineData("WhatsApp/2.23.20.0")]
    [InlineData("facebookexternalhit/1.1")]
    public async Task Link_previews_get_the_referrers_preview_tags_and_are_not_counted(string userAgent)
    {
        var factory = service.Factory;
        var code = await factory.CodeOfAsync("dee");
        var browser = factory.CreateBrowser();
        browser.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);

        var response = await browser.GetAsync($"/r/{code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<meta property=\"og:image\" content=\"https://ref.example.sg/og/{code}.png?v=", html);
        Assert.Contains($"<meta property=\"og:url\" content=\"https://ref.example.sg/r/{code}\">", html);
        Assert.Empty(await ClicksOfAsync(code));
    }

    [Fact]
    public async Task A_head_request_is_answered_but_not_counted()
    {
        var factory = service.Factory;
        var code = await factory.CodeOfAsync("eve");

        var response = await factory.CreateBrowser().SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/r/{code}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await ClicksOfAsync(code));
    }

    [Fact]
    public async Task A_source_tag_that_is_not_a_plain_word_is_not_recorded()
    {
        var factory = service.Factory;
        var code = await factory.CodeOfAsync("fay");

        var response = await factory.CreateBrowser().GetAsync($"/r/{code}?s=%3Cscript%3E");

        Assert.Contains("utm_source=referralbot", response.Headers.Location!.OriginalString);
        Assert.Null(Assert.Single(await ClicksOfAsync(code)).Source);
    }

    [Theory]
    [InlineData("/r/NOSUCH99")]
    [InlineData("/r/x")]
    [InlineData("/r/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task An_unknown_code_gets_a_friendly_404_page(string path)
    {
        var factory = service.Factory;

        var response = await factory.CreateBrowser().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("This referral link doesn’t work", page);
        Assert.DoesNotContain("<script>", page);
    }

    [Fact]
    public async Task The_404_page_makes_no_suggestion_so_a_miss_stays_cheap()
    {
        var factory = service.Factory;
        var code = await factory.CodeOfAsync("gia");
        var typo = code[..^1] + (code[^1] == '9' ? '8' : '9');

        var response = await factory.CreateBrowser().GetAsync($"/r/{typo}?s=ig");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(code, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicks_still_buffered_at_shutdown_are_written()
    {
        var folder = Directory.CreateTempSubdirectory("referralbot-shutdown-").FullName;
        try
        {
            string code;
            var factory = new ReferralBotFactory(new Dictionary<string, string?> { ["Clicks:FlushInterval"] = "01:00:00" }, folder);
            await using (factory)
            {
                code = await factory.CodeOfAsync("jane");
                var browser = factory.CreateBrowser();
                for (var i = 0; i < 25; i++) Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync($"/r/{code}")).StatusCode);
                Assert.Empty(await factory.StoredClicksAsync());
            }

            Assert.Equal(25L, Count(Path.Combine(folder, "referralbot.db"), code));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long Count(string file, string code)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM Clicks WHERE Code = $code";
        command.Parameters.AddWithValue("$code", code);
        return (long)command.ExecuteScalar()!;
    }
}
