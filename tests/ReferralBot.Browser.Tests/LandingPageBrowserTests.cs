using Microsoft.Playwright;

namespace ReferralBot.Browser.Tests;

/// <summary>The landing page as a phone and a laptop show it, in Chromium.</summary>
public sealed class LandingPageBrowserTests(BrowserService service) : IClassFixture<BrowserService>
{
    private const string PagePath = "/p/" + BrowserService.Code;

    [Theory]
    [InlineData(375, "landing-page-phone.png")]
    [InlineData(1280, "landing-page-laptop.png")]
    public async Task The_page_fits_the_screen_without_scrolling_sideways_and_logs_no_errors(int width, string screenshot)
    {
        await using var context = await service.ContextAsync(width);
        var page = await context.NewPageAsync();
        var errors = Errors(page);

        var response = await page.GotoAsync(PagePath);

        Assert.Equal(200, response!.Status);
        Assert.Equal("15% off your first serum", await page.Locator(".offer").InnerTextAsync());
        Assert.True(await page.Locator("img.photo").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the photo loaded");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{widths[0]} px wide in a {widths[1]} px window");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Docs(screenshot), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_copy_button_puts_the_code_on_the_clipboard()
    {
        await using var context = await service.ContextAsync(375);
        var page = await context.NewPageAsync();
        var errors = Errors(page);
        await page.GotoAsync(PagePath);

        await page.ClickAsync("#copy");

        await Assertions.Expect(page.Locator("#copy")).ToHaveTextAsync("Copied ✓");
        Assert.Equal(BrowserService.Code, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_call_to_action_reaches_the_shop_with_the_utm_tags_and_the_code()
    {
        await using var context = await service.ContextAsync(375);
        var page = await context.NewPageAsync();
        var errors = Errors(page);
        await page.GotoAsync(PagePath);

        await page.ClickAsync("#shop");
        await page.WaitForURLAsync(BrowserService.ShopUrl + "?**");

        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        Assert.Equal(
            ("en", "page", "referral", "glow-serum", BrowserService.Code, BrowserService.Code),
            (query["lang"], query["utm_source"], query["utm_medium"], query["utm_campaign"], query["utm_content"], query["ref"]));
        Assert.Equal("The shop", await page.Locator("h1").InnerTextAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_unknown_code_gets_the_friendly_404_page()
    {
        await using var context = await service.ContextAsync(375);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/p/NOSUCH99");

        Assert.Equal(404, response!.Status);
        Assert.Equal("This referral link doesn’t work", await page.Locator("h1").InnerTextAsync());
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{widths[0]} px wide in a {widths[1]} px window");
    }

    [Fact]
    public async Task The_preview_card_is_drawn_for_messengers()
    {
        await using var context = await service.ContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.GotoAsync(PagePath);
        var card = await page.Locator("meta[property='og:image']").GetAttributeAsync("content");

        var response = await context.APIRequest.GetAsync(card!);

        Assert.Equal(200, response.Status);
        Assert.Equal("image/png", response.Headers["content-type"]);
        var png = await response.BodyAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        // Width and height, big-endian, at the start of the PNG's first chunk (IHDR).
        Assert.Equal((1200, 630), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    // Console errors and uncaught exceptions, as the page reports them.
    private static List<string> Errors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Add(message.Text);
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    // The README shows these: the repository's docs/ folder.
    private static string Docs(string file)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ReferralBot.sln"))) folder = folder.Parent;
        var docs = Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Not inside the repository"), "docs");
        Directory.CreateDirectory(docs);
        return Path.Combine(docs, file);
    }
}
