using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Members;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Reports;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Setup;
using ReferralBot.Core.Stats;
using ReferralBot.Core.Storage;
using ReferralBot.Persistence.Postgres;
using ReferralBot.Persistence.Sqlite;

namespace ReferralBot.DataGenerator;

/// <summary>
/// Writes one campaign of the given size through the real model (EF, the same migrations and constraints), with a
/// fixed seed: influencers and customers, claims, clicks over 60 days from a pool of visitors and sources, purchases
/// by referred and anonymous buyers with their ledger entries, 3% refunded. Then times the report queries. On SQLite
/// (<c>--db</c>) or PostgreSQL (<c>--connection</c>), the same rows from the same seed.
/// </summary>
public sealed class Generator : IAsyncDisposable
{
    private const int Batch = 20_000;
    private static readonly string[] Sources = ["ig", "ig", "ig", "tg", "tg", "qr", "tt", "wa"];
    private readonly IHost host;
    private readonly GeneratorOptions options;
    private readonly Random random;

    private Generator(IHost host, GeneratorOptions options)
    {
        this.host = host;
        this.options = options;
        random = new Random(options.Seed);
    }

    public static async Task<Generator> StartAsync(GeneratorOptions options)
    {
        var builder = Host.CreateApplicationBuilder();
        // Standard output is the one JSON line the bench reads; the store's warnings (a migration's table rebuild, the
        // first Data Protection key) go to standard error.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:DefaultCampaign"] = "glow-serum",
            ["Bot:DefaultLandingUrl"] = "https://shop.example.sg/serum",
            ["Bot:DefaultCurrency"] = "SGD",
            ["Bot:Admins:0"] = SendSeeder.Admin,
            ["Prompts:Path"] = FindPrompts(),
        });
        SettableClock? clock = null;
        if (options.FraudScan)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Fraud:Lookback"] = FraudScanCheck.Lookback.ToString() });
            builder.Services.AddSingleton<TimeProvider>(clock = new SettableClock());
        }

        builder.Services.AddReferralBotCore(builder.Configuration);
        if (options.IsPostgres) builder.Services.AddPostgresStore(options.Connection!);
        else builder.Services.AddSqliteStore($"Data Source={options.Database}");
        var host = builder.Build();
        await host.StartAsync();
        return new Generator(host, options) { Clock = clock };
    }

    /// <summary>When the generated data begins.</summary>
    public static readonly DateTime Start = new(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);

    public SettableClock? Clock { get; private init; }

    public IServiceProvider Services => host.Services;

    private string StoreName => options.IsPostgres ? new Npgsql.NpgsqlConnectionStringBuilder(options.Connection).Database ?? "postgres" : options.Database;

    public async Task FillAsync()
    {
        var clock = Stopwatch.StartNew();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var campaign = await db.Campaigns.SingleAsync(c => c.Slug == "glow-serum");
        if (await db.Members.AnyAsync(m => m.CampaignId == campaign.Id)) throw new InvalidOperationException($"{StoreName} already has data; use a new one or --measure-only.");
        var start = Start;

        var members = await MembersAsync(db, campaign, start);
        Console.WriteLine($"{members.Count:N0} members in {clock.Elapsed.TotalSeconds:0.0} s");
        var claims = await ClaimsAsync(db, campaign, members, start);
        Console.WriteLine($"{claims.Count:N0} claims in {clock.Elapsed.TotalSeconds:0.0} s");
        await ClicksAsync(db, campaign, members, start);
        Console.WriteLine($"{options.Clicks:N0} clicks in {clock.Elapsed.TotalSeconds:0.0} s");
        await PurchasesAsync(db, campaign, members, claims, start);
        Console.WriteLine($"{options.Purchases:N0} purchases with their ledger in {clock.Elapsed.TotalSeconds:0.0} s");
        if (options.IsPostgres) await PostgresBulk.AnalyzeAsync(db);
    }

    public async Task MeasureAsync(TextWriter output)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ReferralBotDbContext>();
        var campaign = await db.Campaigns.SingleAsync(c => c.Slug == "glow-serum");
        var top = await db.Members.Include(m => m.Campaign).Include(m => m.Codes).Where(m => m.CampaignId == campaign.Id && m.Role == MemberRole.Influencer)
            .OrderBy(m => m.Id).FirstAsync();
        var bytes = options.IsPostgres ? await PostgresBulk.SizeAsync(db) : new FileInfo(options.Database).Length;
        output.WriteLine($"database: {StoreName} ({bytes / 1024 / 1024:N0} MB)");
        output.WriteLine($"clicks {await db.Clicks.CountAsync():N0}, purchases {await db.Set<Purchase>().CountAsync():N0}, ledger entries {await db.Set<LedgerEntry>().CountAsync():N0}");
        await TimeAsync(output, "/stats (one influencer)", () => services.GetRequiredService<MemberStatsQuery>().ForAsync(top, CancellationToken.None));
        await TimeAsync(output, "/leaderboard (top 10 + rank)", () => services.GetRequiredService<LeaderboardQuery>().ForAsync(campaign.Id, top.Id, 10, CancellationToken.None));
        await TimeAsync(output, "/report (all figures)", () => services.GetRequiredService<CampaignReportQuery>().ForAsync(campaign.Id, CancellationToken.None));
    }

    private static async Task TimeAsync<T>(TextWriter output, string name, Func<Task<T>> query)
    {
        await query(); // warm: plans compiled, pages cached
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine($"{name,-32} median {times[2],8:N1} ms   max {times[^1],8:N1} ms");
    }

    private async Task<List<Member>> MembersAsync(ReferralBotDbContext db, Campaign campaign, DateTime start)
    {
        var members = new List<Member>();
        for (var i = 0; i < options.Members; i++)
        {
            var influencer = i < options.Influencers;
            var person = new Person
            {
                Channel = "telegram", ExternalId = (100_000_000 + i).ToString(CultureInfo.InvariantCulture), DisplayName = $"Member {i}",
                PrivateChatId = (100_000_000 + i).ToString(CultureInfo.InvariantCulture), FirstSeenAt = start, LastSeenAt = start,
            };
            var member = new Member { CampaignId = campaign.Id, Person = person, Role = influencer ? MemberRole.Influencer : MemberRole.Customer, JoinedAt = start.AddMinutes(i), Reference = MemberReference.New() };
            member.Codes.Add(new ReferralCode { Value = influencer ? $"INF{i:D4}" : $"CUST{i:D6}", IsPrimary = true, CreatedAt = member.JoinedAt });
            db.Add(member);
            members.Add(member);
            if (members.Count % Batch == 0) await SaveAsync(db);
        }

        await SaveAsync(db);
        return members;
    }

    private async Task<List<Claim>> ClaimsAsync(ReferralBotDbContext db, Campaign campaign, List<Member> members, DateTime start)
    {
        var claims = new List<Claim>();
        foreach (var member in members.Skip(options.Influencers).Where(_ => random.NextDouble() < 0.4))
        {
            var referrer = Referrer(members);
            if (referrer.Id == member.Id) continue;
            var claim = new Claim
            {
                CampaignId = campaign.Id, ReferredMemberId = member.Id, ReferrerMemberId = referrer.Id, Code = referrer.Codes[0].Value,
                Via = ClaimVia.DeepLink, ClaimedAt = start.AddMinutes(random.Next(0, 60 * 24 * 30)),
            };
            db.Add(claim);
            claims.Add(claim);
        }

        await SaveAsync(db);
        // Written directly, so each referrer's sign-up count is set as the claims left it.
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "Members" SET "SignUps" = (SELECT COUNT(*) FROM "Claims" WHERE "Claims"."ReferrerMemberId" = "Members"."Id")
            """);
        return claims;
    }

    private async Task ClicksAsync(ReferralBotDbContext db, Campaign campaign, List<Member> members, DateTime start)
    {
        var batch = new List<Click>(Batch);
        for (var i = 0; i < options.Clicks; i++)
        {
            var member = Referrer(members);
            var at = start.AddSeconds(random.Next(0, 60 * 24 * 3600));
            var source = Sources[random.Next(Sources.Length)];
            batch.Add(new Click
            {
                MemberId = member.Id, CampaignId = campaign.Id, Code = member.Codes[0].Value, Source = random.Next(10) == 0 ? null : source,
                Visitor = Visitor(random.Next(0, options.Clicks / 3), at), OccurredAt = at,
            });
            if (batch.Count == Batch) await WriteClicksAsync(db, batch);
        }

        await WriteClicksAsync(db, batch);
        // The service keeps these up as it writes clicks; written directly, they are counted once here, as the
        // migration that introduced them does.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "ClickVisitors" ("MemberId", "Kind", "Source", "Visitor")
            SELECT DISTINCT "MemberId", "Kind", COALESCE("Source", ''), "Visitor" FROM "Clicks" WHERE "Visitor" IS NOT NULL;
            INSERT INTO "ClickTallies" ("MemberId", "Kind", "Source", "CampaignId", "Clicks", "UniqueClicks")
            SELECT "MemberId", "Kind", COALESCE("Source", ''), MIN("CampaignId"), COUNT(*), COUNT(DISTINCT "Visitor") FROM "Clicks"
            GROUP BY "MemberId", "Kind", COALESCE("Source", '');
            """);
    }

    private async Task PurchasesAsync(ReferralBotDbContext db, Campaign campaign, List<Member> members, List<Claim> claims, DateTime start)
    {
        var byId = members.ToDictionary(m => m.Id);
        var pending = new List<(Purchase Purchase, List<LedgerEntry> Entries)>();
        for (var i = 0; i < options.Purchases; i++)
        {
            var claim = random.NextDouble() < 0.7 && claims.Count > 0 ? claims[random.Next(claims.Count)] : null;
            var referrer = claim is null ? Referrer(members) : byId[claim.ReferrerMemberId];
            var at = (claim?.ClaimedAt ?? start).AddMinutes(random.Next(1, 60 * 24 * 20));
            var amount = Math.Round((decimal)(20 + random.NextDouble() * 180), 2);
            var purchase = new Purchase
            {
                OrderId = $"G{i:D7}", Amount = amount, Currency = "SGD", OccurredAt = at, ReceivedAt = at, Code = claim is null ? referrer.Codes[0].Value : null,
                Reference = claim is null ? null : byId[claim.ReferredMemberId].Reference, CampaignId = campaign.Id, ReferrerMemberId = referrer.Id,
                BuyerMemberId = claim?.ReferredMemberId, Source = Sources[random.Next(Sources.Length)], ReportedBy = "generator",
            };
            var (kind, reward) = referrer.Role == MemberRole.Influencer ? (LedgerKind.Commission, Math.Round(amount / 10, 2)) : (LedgerKind.ReferrerReward, 5m);
            var entry = new LedgerEntry
            {
                Key = LedgerEntry.PurchaseKey(purchase.OrderId, kind), CampaignId = campaign.Id, MemberId = referrer.Id, Purchase = purchase, Kind = kind,
                Amount = reward, Currency = "SGD", RatePercent = kind == LedgerKind.Commission ? 10m : null, TierName = kind == LedgerKind.Commission ? "Bronze" : null, CreatedAt = at,
                PayableAt = at.AddDays(campaign.HoldDays),
            };
            db.Add(purchase);
            db.Add(entry);
            pending.Add((purchase, [entry]));
            if ((i + 1) % Batch == 0) await RefundSomeAsync(db, pending);
        }

        await RefundSomeAsync(db, pending);
    }

    private async Task WriteClicksAsync(ReferralBotDbContext db, List<Click> clicks)
    {
        if (options.IsPostgres)
        {
            await PostgresBulk.CopyClicksAsync(db, clicks);
        }
        else
        {
            db.AddRange(clicks);
            await SaveAsync(db);
        }

        clicks.Clear();
    }

    // 3% of purchases refunded, each with its reversing entries, as RefundIntake writes them.
    private async Task RefundSomeAsync(ReferralBotDbContext db, List<(Purchase Purchase, List<LedgerEntry> Entries)> batch)
    {
        await SaveAsync(db);
        foreach (var (purchase, entries) in batch.Where(_ => random.NextDouble() < 0.03))
        {
            db.Add(new Refund { PurchaseId = purchase.Id, OrderId = purchase.OrderId, OccurredAt = purchase.OccurredAt.AddDays(3), ReceivedAt = purchase.OccurredAt.AddDays(3), ReportedBy = "generator" });
            foreach (var e in entries)
            {
                db.Add(new LedgerEntry
                {
                    Key = LedgerEntry.ReversalKey(e.Id), CampaignId = e.CampaignId, MemberId = e.MemberId, PurchaseId = purchase.Id, Kind = e.Kind,
                    Amount = -e.Amount, Currency = e.Currency, ReversesEntryId = e.Id, CreatedAt = purchase.OccurredAt.AddDays(3), PayableAt = e.PayableAt,
                });
            }
        }

        await SaveAsync(db);
        batch.Clear();
    }

    // Influencers bring most of the traffic: 80% of picks go to the first few members.
    private Member Referrer(List<Member> members) =>
        random.NextDouble() < 0.8 ? members[random.Next(options.Influencers)] : members[options.Influencers + random.Next(members.Count - options.Influencers)];

    private static string Visitor(int visitor, DateTime at) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{at:yyyy-MM-dd}|{visitor}")), 0, 16);

    /// <summary>Saves what the context tracks and lets go of it, so a long fill keeps a small change tracker.</summary>
    internal static async Task SaveAsync(ReferralBotDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static string FindPrompts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "prompts", "en"))) return Path.Combine(dir.FullName, "prompts");
        throw new DirectoryNotFoundException("No prompts/ folder above the generator.");
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
