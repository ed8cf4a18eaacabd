using System.Net;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Links;

/// <summary>Walking the web links with made-up codes is cut off per address, known codes included, with a clear answer.</summary>
public sealed class CodeGuessingTests
{
    [Fact]
    public async Task An_address_asking_for_too_many_unknown_codes_gets_429_with_retry_after_for_every_code_link()
    {
        using var factory = new ReferralBotFactory(new Dictionary<string, string?> { ["Limits:UnknownCodesPerAddressPerMinute"] = "3" });
        var code = await factory.CodeOfAsync("ava");
        var browser = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync($"/r/{code}")).StatusCode);
        foreach (var guess in new[] { "/r/NOPE11", "/p/NOPE12", "/qr/NOPE13.png" })
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(guess)).StatusCode);

        var page = await browser.GetAsync("/r/NOPE14");
        var known = await browser.GetAsync($"/r/{code}");
        var qr = await browser.GetAsync($"/qr/{code}.png");

        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.InRange(int.Parse(page.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("Too many tries", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, known.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, qr.StatusCode);
        Assert.Equal("application/problem+json", qr.Content.Headers.ContentType?.MediaType);
        await factory.FlushClicksAsync();
        Assert.Single(await factory.StoredClicksAsync()); // the refused visit is not counted
    }
}
