using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Storage;

namespace ReferralBot.Testing;

/// <summary>
/// The whole service in-process through real HTTP (WebApplicationFactory), on its own migrated SQLite file in a
/// temporary folder (or its own PostgreSQL database: <see cref="Stores.Postgres"/>, or <c>REFERRALBOT_TEST_STORE=postgres</c>
/// for every test that does not name a store), from the settings every test starts with; each channel's factory adds its own.
/// </summary>
public abstract class ServiceFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly bool ownsFolder;

    /// <param name="name">Names the temporary folder (<c>referralbot-{name}-…</c>).</param>
    /// <param name="channelSettings">The factory's own settings, over the base ones.</param>
    /// <param name="overrides">A test's settings, over everything.</param>
    /// <param name="folder">A folder the test owns (kept after disposal); by default a temporary one, deleted.</param>
    /// <param name="store"><see cref="Stores.Sqlite"/> or <see cref="Stores.Postgres"/>; by default as <c>REFERRALBOT_TEST_STORE</c> says (SQLite).</param>
    protected ServiceFactory(string name, IDictionary<string, string?> channelSettings, IDictionary<string, string?>? overrides, string? folder = null, string? store = null)
    {
        ownsFolder = folder is null;
        Folder = folder ?? Directory.CreateTempSubdirectory($"referralbot-{name}-").FullName;
        DatabaseFile = Path.Combine(Folder, "referralbot.db");
        string connectionString;
        if ((store ?? Stores.Default) == Stores.Postgres)
        {
            // A constructor cannot await; the throwaway server is shared, so this is one CREATE DATABASE … TEMPLATE.
            connectionString = PostgresServer.CreateDatabaseAsync().GetAwaiter().GetResult();
        }
        else
        {
            MigratedDatabase.CopyTo(DatabaseFile);
            connectionString = $"Data Source={DatabaseFile}";
        }

        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ReferralBot"] = connectionString,
            ["Bot:PublicBaseUrl"] = "https://ref.example.sg",
            ["Bot:DefaultCampaign"] = "glow-serum",
            ["Bot:DefaultLandingUrl"] = "https://shop.example.sg/serum",
            ["ConsoleChat:Enabled"] = "false",
            ["ConsoleChat:FilesPath"] = Path.Combine(Folder, "files"),
            ["Outbox:PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in channelSettings) settings[key] = value;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
    }

    public string Folder { get; }

    public string DatabaseFile { get; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Services a test changes (an interceptor, a command that fails), after the service's own.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    /// <summary>Runs <paramref name="work"/> on a fresh database context (to look at or arrange rows).</summary>
    public async Task<T> DbAsync<T>(Func<ReferralBotDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>());
    }

    public Task<List<T>> AllAsync<T>() where T : class => DbAsync(db => db.Set<T>().AsNoTracking().ToListAsync());

    /// <summary>Pulses at every write of the service.</summary>
    public OutboxWatch Writes { get; } = new();

    /// <summary>Waits until <paramref name="condition"/> holds, checking it again after each write of the service.</summary>
    public async Task WaitForDatabaseAsync(Func<ReferralBotDbContext, Task<bool>> condition, TimeSpan timeout)
    {
        using var waited = new CancellationTokenSource(timeout);
        while (true)
        {
            var written = Writes.Next;
            if (await DbAsync(condition)) return;
            await written.WaitAsync(waited.Token);
        }
    }

    protected bool HasSetting(string key) => settings.ContainsKey(key);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            ConfigureChannel(services);
            ConfigureTestServices?.Invoke(services);
        });
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<ReferralBotDbContext>(o => o.AddInterceptors(Writes));
            var marks = services.Last(d => d.ServiceType == typeof(IOutboxMarks));
            services.Remove(marks);
            services.AddSingleton<IOutboxMarks>(sp => new OutboxWatch.Marks((IOutboxMarks)ActivatorUtilities.CreateInstance(sp, marks.ImplementationType!), Writes));
        });
    }

    /// <summary>What the factory's channel needs in the container (a handler that trusts its fake, say).</summary>
    protected virtual void ConfigureChannel(IServiceCollection services)
    {
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!ownsFolder) return;
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
