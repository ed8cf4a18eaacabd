using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Storage;
using ReferralBot.FakeTelegram;
using ReferralBot.Testing;

namespace ReferralBot.Telegram.Tests.Support;

/// <summary>
/// The whole service with its Telegram channel pointed at a fake Bot API on loopback (the real Telegram.Bot
/// client does the talking), on its own SQLite file.
/// </summary>
public sealed class TelegramBotFactory : WebApplicationFactory<Program>
{
    public const string WebhookPath = "/telegram/webhook";
    public const string WebhookSecret = "s3cret-Token_42";
    private readonly Dictionary<string, string?> settings;
    private readonly string folder = Directory.CreateTempSubdirectory("referralbot-telegram-").FullName;

    public TelegramBotFactory(FakeBotApi telegram, bool webhook = false, string? token = null, IDictionary<string, string?>? overrides = null)
    {
        Telegram = telegram;
        MigratedDatabase.CopyTo(Path.Combine(folder, "referralbot.db"));
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ReferralBot"] = $"Data Source={Path.Combine(folder, "referralbot.db")}",
            ["Bot:PublicBaseUrl"] = "https://ref.example.sg",
            ["Bot:DefaultCampaign"] = "glow-serum",
            ["Bot:DefaultLandingUrl"] = "https://shop.example.sg/serum",
            ["Bot:Admins:0"] = "telegram:9000",
            ["ConsoleChat:Enabled"] = "false",
            ["Telegram:BotToken"] = token ?? telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:PollingTimeoutSeconds"] = "1",
            ["Outbox:PollInterval"] = "00:00:00.200",
        };
        if (webhook)
        {
            settings["Telegram:WebhookUrl"] = "https://ref.example.sg" + WebhookPath;
            settings["Telegram:WebhookSecret"] = WebhookSecret;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
    }

    public FakeBotApi Telegram { get; }

    public CapturedLogs Logs { get; } = new();

    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => ConfigureTestServices?.Invoke(services));
    }

    /// <summary>Starts the service and waits until the bot has connected (getMe, menus, webhook or polling set up).</summary>
    public async Task<TelegramBotFactory> ConnectedAsync()
    {
        _ = Services;
        await Telegram.WaitForCallsAsync(settings.ContainsKey("Telegram:WebhookUrl") ? "setWebhook" : "deleteWebhook", 1, TimeSpan.FromSeconds(20));
        return this;
    }

    public async Task<T> DbAsync<T>(Func<ReferralBotDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>());
    }

    public Task<List<T>> AllAsync<T>() where T : class => DbAsync(db => db.Set<T>().AsNoTracking().ToListAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleanup.
        }
    }
}
