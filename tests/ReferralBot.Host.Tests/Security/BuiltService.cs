using System.Net;
using ReferralBot.Testing;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Security;

/// <summary>
/// The built service on Kestrel, as deployed, shared by the tests that need a real server (only it shows what is read
/// of a request, and when): the purchase webhook with its secret, Bot Framework with tokens checked, and Telegram in
/// webhook mode with a Bot API that cannot be reached, as on a start during an outage. It listens where
/// <c>ASPNETCORE_HTTP_PORTS</c> says, as in a container.
/// </summary>
public sealed class BuiltService : IAsyncLifetime, IAsyncDisposable
{
    public const string TelegramSecret = "webhook-secret_1";

    private readonly int port = HostProcess.FreePort();

    private string Url => $"http://127.0.0.1:{port}";
    private HostProcess? process;

    public HttpClient Client { get; private set; } = null!;

    public HttpResponseMessage FirstHealth { get; private set; } = null!;

    public string DatabaseFile => process!.DatabaseFile;

    public async Task InitializeAsync()
    {
        process = new HostProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_HTTP_PORTS"] = $"{port}", // as container images set it
            ["Webhooks__PurchaseSecret"] = ShopHost.Secret,
            ["BotFramework__AppId"] = "00000000-0000-0000-0000-000000000001",
            ["BotFramework__AppPassword"] = "not-used-here",
            ["Telegram__BotToken"] = "123456:TEST-token",
            ["Telegram__ApiBaseUrl"] = $"http://127.0.0.1:{HostProcess.FreePort()}",
            ["Telegram__WebhookUrl"] = "https://ref.example.sg/telegram/webhook",
            ["Telegram__WebhookSecret"] = TelegramSecret,
        });
        FirstHealth = await process.HealthAsync(Url);
        Client = new HttpClient { BaseAddress = new Uri(Url) };
    }

    public async Task StillAnswersAsync() => Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/healthz")).StatusCode);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (process is not null) await process.DisposeAsync();
        process = null;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BuiltServiceGroup : ICollectionFixture<BuiltService>
{
    public const string Name = "The built service";
}
