using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Testing;

namespace ReferralBot.Browser.Tests;

/// <summary>
/// The service on a real port (a browser cannot reach the in-memory test server), with an influencer whose campaign
/// shares landing pages, and one Chromium for every test: Debian's, as the machine has it, never a downloaded one.
/// </summary>
public sealed class BrowserService : IAsyncLifetime, IDisposable
{
    public const string Code = "AMELIA15";
    public const string ShopUrl = "https://shop.example.sg/serum";

    // Chromium's own background traffic (updates, sync, Google's services) is refused on a closed network, noisily.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly PageServiceFactory factory;
    private IPlaywright? playwright;

    public BrowserService()
    {
        var port = HostProcess.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        factory = new PageServiceFactory(BaseUrl);
        factory.UseKestrel(port);
    }

    public string BaseUrl { get; }

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where Chromium is: <c>REFERRALBOT_CHROMIUM</c>, else Debian's package (<c>apt-get install chromium</c>).</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("REFERRALBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: install Debian's chromium package (.ci/run does), or set REFERRALBOT_CHROMIUM.");
        factory.StartServer();
        await SayAsync("amelia", "/start", "Amelia Tan");
        await SayAsync("owner", "/campaign set glow-serum offer 15% off your first serum");
        await SayAsync("owner", "/campaign set glow-serum page on");
        await SayAsync("owner", $"/influencer glow-serum test:amelia {Code}");
        await SayAsync("amelia", "/voice My skin has never been this calm. Two weeks in and I'm hooked!", "Amelia Tan");
        await SayAsync("amelia", "/photo", "Amelia Tan", TestPictures.Portrait());

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>A fresh browser context of <paramref name="width"/> px, whose visits to the shop are answered here (no network).</summary>
    public async Task<IBrowserContext> ContextAsync(int width, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Permissions = ["clipboard-read", "clipboard-write"],
            BaseURL = BaseUrl,
        });
        await context.RouteAsync("https://shop.example.sg/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200, ContentType = "text/html; charset=utf-8", Body = "<!doctype html><title>Glow Serum shop</title><h1>The shop</h1>",
        }));
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }

    public void Dispose() => factory.Dispose();

    private async Task SayAsync(string user, string text, string? name = null, byte[]? photo = null)
    {
        var pipeline = factory.Services.GetRequiredService<InboundPipeline>();
        var message = new InboundMessage("test", user, user, name ?? user, text) { Photo = photo };
        var result = await pipeline.HandleAsync(message, CancellationToken.None);
        Assert.NotEmpty(result.Replies.OfType<TextReply>());
    }

    private sealed class PageServiceFactory(string baseUrl) : ServiceFactory("browser", new Dictionary<string, string?>
    {
        ["Bot:PublicBaseUrl"] = baseUrl,
        ["Bot:Admins:0"] = "test:owner",
        ["Bot:DefaultLandingUrl"] = ShopUrl + "?lang=en",
        ["Bot:DefaultCurrency"] = "SGD",
    }, null);
}
