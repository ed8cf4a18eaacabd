using System.Net;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Security;

/// <summary>
/// Landing URLs with an internationalised host or path are kept in their ASCII form, so the redirect's Location header
/// can carry them; before, such a URL was accepted and every redirect of the campaign answered 500.
/// </summary>
public sealed class InternationalUrlTests
{
    [Fact]
    public async Task An_internationalised_landing_url_is_stored_in_ascii_and_redirects()
    {
        using var factory = new ReferralBotFactory(new Dictionary<string, string?> { ["Bot:Admins:0"] = "test:owner" });
        var code = await factory.CodeOfAsync("jane");

        var set = await factory.SayAsync("owner", "/campaign set glow-serum landing https://例え.jp/café?q=ü#fräulein");
        var shown = await factory.SayAsync("owner", "/campaign show glow-serum");
        var response = await factory.CreateBrowser().GetAsync($"/r/{code}");
        await factory.FlushClicksAsync();

        Assert.Contains("→ https://xn--r8jz45g.jp/caf%C3%A9?q=%C3%BC#fr%C3%A4ulein", set);
        Assert.Contains("Landing: https://xn--r8jz45g.jp/caf%C3%A9?q=%C3%BC#fr%C3%A4ulein", shown);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://xn--r8jz45g.jp/caf%C3%A9?q=%C3%BC&utm_source=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith("#fr%C3%A4ulein", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Single(await factory.StoredClicksAsync());
    }

    [Fact]
    public async Task The_configured_default_landing_url_is_stored_in_ascii_too()
    {
        using var factory = new ReferralBotFactory(new Dictionary<string, string?> { ["Bot:DefaultLandingUrl"] = "https://bücher.example/sérum" });
        var code = await factory.CodeOfAsync("jane");

        var response = await factory.CreateBrowser().GetAsync($"/r/{code}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://xn--bcher-kva.example/s%C3%A9rum?utm_source=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:password@shop.example.sg/")]
    [InlineData("https://exa mple.com/")]
    [InlineData("javascript:alert(1)")]
    public async Task A_landing_url_that_cannot_be_a_link_is_refused_and_changes_nothing(string url)
    {
        using var factory = new ReferralBotFactory(new Dictionary<string, string?> { ["Bot:Admins:0"] = "test:owner" });

        var said = await factory.SayAsync("owner", $"/campaign set glow-serum landing {url}");
        var shown = await factory.SayAsync("owner", "/campaign show glow-serum");

        Assert.DoesNotContain("→", said);
        Assert.Contains("Landing: https://shop.example.sg/serum?lang=en#buy", shown);
    }
}
