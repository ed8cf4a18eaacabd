using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Review;
using ReferralBot.Core.Storage;

namespace ReferralBot.DataGenerator;

/// <summary>
/// The fraud rules' false-positive check: the generated campaign is honest (random people, clicks, claims, purchases and
/// refunds), so what the rules flag in it is what they would flag in an honest shop of that size. The scan runs as the
/// service runs it, at moments a month apart across the generated period, each looking back a month.
/// </summary>
public sealed class FraudScanCheck(IServiceProvider services, SettableClock clock)
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(30);

    public async Task RunAsync(DateTime start, TextWriter output)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var now = start + Lookback; now <= start + TimeSpan.FromDays(120); now += Lookback - TimeSpan.FromDays(1))
        {
            clock.Now = now;
            await using var scope = services.CreateAsyncScope();
            // Each rule timed on its own first (what it proposes is not kept), then the scan itself.
            var store = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
            var settings = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<FraudOptions>>().Value;
            var times = new List<string>();
            foreach (var rule in scope.ServiceProvider.GetServices<ReferralBot.Core.Review.Rules.IFraudRule>())
            {
                var ruleWatch = System.Diagnostics.Stopwatch.StartNew();
                var proposed = await rule.FindAsync(new ReferralBot.Core.Review.Rules.FraudScanContext(store, settings, now, now - Lookback), CancellationToken.None);
                times.Add($"{rule.Name} {proposed.Count} in {ruleWatch.Elapsed.TotalMilliseconds:N0} ms");
                output.WriteLine($"  {now:yyyy-MM-dd} {times[^1]}");
                output.Flush();
            }

            var opened = await scope.ServiceProvider.GetRequiredService<FraudScan>().ScanAsync(CancellationToken.None);
            output.WriteLine($"scan at {now:yyyy-MM-dd}: {opened:N0} cases opened ({string.Join("; ", times)})");
        }

        await using var read = services.CreateAsyncScope();
        var db = read.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var byRule = await db.Set<ReviewCase>().GroupBy(c => c.Rule).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var flaggedPurchases = await db.Set<ReviewCase>().CountAsync(c => c.PurchaseId != null);
        output.WriteLine($"cases by rule: {(byRule.Count == 0 ? "none" : string.Join(", ", byRule.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Count:N0}")))}");
        output.WriteLine($"purchases flagged: {flaggedPurchases:N0}; scans took {watch.Elapsed.TotalSeconds:0.0} s");
    }
}

/// <summary>A clock the check sets: the scan reads "now" from it.</summary>
public sealed class SettableClock : TimeProvider
{
    public DateTime Now { get; set; } = DateTime.UtcNow;

    public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);
}
