using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Setup;
using ReferralBot.Core.Storage;
using ReferralBot.Persistence.Postgres;
using ReferralBot.Persistence.Sqlite;

namespace ReferralBot.Core.Tests.Support;

/// <summary>
/// The core as a channel sees it, on a real SQLite file (or PostgreSQL database) and a fake clock: people send lines, the test reads
/// the replies. Nothing else is faked.
/// </summary>
public sealed class ChatScript : IAsyncDisposable
{
    public const string Channel = "test";
    private readonly TestDatabase database;
    private readonly IHost host;

    // What it was started with, so a restart starts the same way.
    private IDictionary<string, string?>? settings;

    private ChatScript(TestDatabase database, IHost host, FakeTimeProvider time)
    {
        this.database = database;
        this.host = host;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => host.Services;

    /// <summary>The database's connection string (to write around the service, as another instance would).</summary>
    public string ConnectionString => database.ConnectionString;

    public RecordingChannel Outbound => Services.GetRequiredService<RecordingChannel>();

    public static async Task<ChatScript> StartAsync(IDictionary<string, string?>? settings = null) => await StartAsync(await DefaultDatabaseAsync(), settings);

    /// <summary>
    /// For a chat that many tests share: one admin sends them all within a minute of the fake clock, more than
    /// <c>Limits:</c> lets a person send in a minute.
    /// </summary>
    public static Dictionary<string, string?> Unthrottled { get; } = new()
    {
        ["Limits:MessagesPerMinute"] = "100000",
        ["Limits:AdminCommandsPerMinute"] = "100000",
    };

    /// <summary>
    /// SQLite, or PostgreSQL when <c>REFERRALBOT_TEST_STORE=postgres</c>: the whole suite of conversation scripts can be run
    /// on either store (the tests that name a store, or look at SQLite itself, keep theirs).
    /// </summary>
    private static async Task<TestDatabase> DefaultDatabaseAsync() =>
        Environment.GetEnvironmentVariable("REFERRALBOT_TEST_STORE") == Postgres ? await TestDatabase.CreatePostgresAsync() : TestDatabase.Create();

    /// <summary>A chat on a PostgreSQL database of its own (migrated, or empty for the tests of migrating it).</summary>
    public static async Task<ChatScript> StartOnPostgresAsync(IDictionary<string, string?>? settings = null, bool empty = false) =>
        await StartAsync(await TestDatabase.CreatePostgresAsync(empty), settings);

    /// <summary>A chat on the store a test names (<see cref="Sqlite"/> or <see cref="Postgres"/>): one test, run on both.</summary>
    public static async Task<ChatScript> StartOnAsync(string store, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        await StartAsync(store == Postgres ? await TestDatabase.CreatePostgresAsync() : TestDatabase.Create(), settings, services: services);

    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>A chat on a database file that does not exist yet: the service creates and migrates it.</summary>
    public static Task<ChatScript> StartOnNewDatabaseAsync() => StartAsync(TestDatabase.Create(empty: true), null);

    /// <summary>A chat whose services the test changes (an interceptor that stages a race, say).</summary>
    public static async Task<ChatScript> StartAsync(Action<IServiceCollection> services) => await StartAsync(await DefaultDatabaseAsync(), null, services: services);

    /// <summary>Two instances starting at the same moment on one new PostgreSQL database, each setting it up.</summary>
    public static async Task<ChatScript[]> StartTogetherOnPostgresAsync(int count)
    {
        var database = await TestDatabase.CreatePostgresAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        return await Task.WhenAll(Enumerable.Range(0, count).Select(_ => StartAsync(database, null, time)));
    }

    /// <summary>A second instance of the service on the same database, beside this one (PostgreSQL).</summary>
    public Task<ChatScript> StartAnotherInstanceAsync() => StartAsync(database, settings, Time);

    /// <summary>The service started again on the same database file, as after a restart.</summary>
    public async Task<ChatScript> RestartAsync()
    {
        await host.StopAsync();
        host.Dispose();
        return await StartAsync(database, settings, Time);
    }

    private static async Task<ChatScript> StartAsync(
        TestDatabase database, IDictionary<string, string?>? settings, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var time = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:PublicBaseUrl"] = "https://ref.example.sg",
            ["Bot:DefaultCampaign"] = "glow-serum",
            ["Bot:DefaultLandingUrl"] = "https://shop.example.sg/serum?lang=en",
            ["Bot:Admins:0"] = $"{Channel}:admin",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddReferralBotCore(builder.Configuration);
        if (database.IsPostgres) builder.Services.AddPostgresStore(database.ConnectionString);
        else builder.Services.AddSqliteStore(database.ConnectionString);
        builder.Services.AddSingleton<RecordingChannel>();
        builder.Services.AddSingleton<IOutboundChannel>(sp => sp.GetRequiredService<RecordingChannel>());
        services?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            database.Dispose();
            throw;
        }

        return new ChatScript(database, host, time) { settings = settings };
    }

    /// <param name="locale">The language tag their app reports (Telegram's language_code); en when not given.</param>
    public async Task<Said> SendAsync(string user, string text, string? displayName = null, string? username = null, string locale = "en")
    {
        var name = displayName ?? char.ToUpperInvariant(user[0]) + user[1..];
        var message = new InboundMessage(Channel, user, user, name, text) { Username = username, Locale = locale };
        return new Said((await Services.GetRequiredService<InboundPipeline>().HandleAsync(message, CancellationToken.None)).Replies);
    }

    /// <summary>A picture sent to the bot, with an optional caption.</summary>
    public async Task<Said> SendPhotoAsync(string user, byte[] photo, string caption = "")
    {
        var message = new InboundMessage(Channel, user, user, char.ToUpperInvariant(user[0]) + user[1..], caption) { Photo = photo };
        return new Said((await Services.GetRequiredService<InboundPipeline>().HandleAsync(message, CancellationToken.None)).Replies);
    }

    /// <summary>Runs <paramref name="work"/> on a fresh database context (to look at or arrange rows).</summary>
    public async Task<T> DbAsync<T>(Func<ReferralBotDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>());
    }

    public Task<int> CountAsync<T>() where T : class => DbAsync(db => db.Set<T>().CountAsync());

    /// <summary>A visit to the code's web link, written to the database at once.</summary>
    public async Task ClickAsync(string code, string? source = null)
    {
        var redirects = Services.GetRequiredService<ReferralRedirects>();
        var target = await redirects.FindAsync(code, CancellationToken.None) ?? throw new InvalidOperationException($"No code {code}");
        await redirects.VisitAsync(target, source, null, "203.0.113.7", "Mozilla/5.0", CancellationToken.None);
        await Services.GetRequiredService<ClickWriter>().FlushAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        database.Dispose();
    }
}
