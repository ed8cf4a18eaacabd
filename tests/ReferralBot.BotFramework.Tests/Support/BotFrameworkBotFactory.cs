using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Channels.BotFramework.Setup;
using ReferralBot.FakeBotFramework;
using ReferralBot.Testing;

namespace ReferralBot.BotFramework.Tests.Support;

/// <summary>
/// The whole service in-process on its own SQLite file, with the Bot Framework channel pointed at a fake channel on
/// loopback (its metadata, keys, token endpoint and connector), trusting only the fake's certificate.
/// </summary>
public sealed class BotFrameworkBotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public BotFrameworkBotFactory(FakeBotFrameworkChannel channel, IDictionary<string, string?>? overrides = null)
    {
        Channel = channel;
        Folder = Directory.CreateTempSubdirectory("referralbot-bf-").FullName;
        MigratedDatabase.CopyTo(Path.Combine(Folder, "referralbot.db"));
        var baseUrl = channel.BaseUrl.ToString().TrimEnd('/');
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ReferralBot"] = $"Data Source={Path.Combine(Folder, "referralbot.db")}",
            ["Bot:PublicBaseUrl"] = "https://ref.example.sg",
            ["Bot:DefaultCampaign"] = "glow-serum",
            ["Bot:DefaultLandingUrl"] = "https://shop.example.sg/serum",
            ["ConsoleChat:Enabled"] = "false",
            ["BotFramework:AppId"] = new FakeChannelOptions().AppId,
            ["BotFramework:AppPassword"] = new FakeChannelOptions().AppPassword,
            ["BotFramework:AuthorityHost"] = baseUrl,
            ["BotFramework:OpenIdMetadataUrl"] = $"{baseUrl}/v1/.well-known/openidconfiguration",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["BotFramework:MetadataRefreshInterval"] = "00:00:00",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
    }

    public FakeBotFrameworkChannel Channel { get; }

    public string Folder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddHttpClient(BotFrameworkSetup.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Channel.CreateTrustingHandler()));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleanup.
        }
    }
}
