using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ReferralBot.FakeTelegram;

namespace ReferralBot.Testing.Cluster;

/// <summary>
/// Issue 20's cluster test: two real instances (processes) on one PostgreSQL database, one fake Bot API enforcing
/// Telegram's limits for both, a round-robin front (<see cref="ClusterFront"/>). New people claim influencers' codes
/// (some updates delivered to both instances at once, some people tapping twice at the same moment on both), the
/// instance holding the sender role is killed (<c>kill -9</c>) 40% of the way and started again, then signed
/// purchases (some replayed through the other instance), refunds and clicks alternating instances. Afterwards every
/// promise is checked (<see cref="ClusterReport.Violations"/>).
/// </summary>
public static class ClusterScenario
{
    private const string TelegramSecret = "cluster-secret";
    private const string PurchaseSecret = "cluster-purchase-secret";
    // Admins, each a chat of its own: every command is answered in the admin's chat, one message a second there.
    private const int Admins = 10;

    /// <param name="downtime">
    /// How long the killed sender stays down, counted from the kill (bench/: 5 s, as a supervisor restarts a crashed
    /// process). By default it is started again as soon as the other instance has taken over and sent.
    /// </param>
    public static async Task<ClusterReport> RunAsync(ClusterLoad load, Action<string>? progress = null, Func<Task>? downtime = null)
    {
        // The fake Bot API stamps each send as its handler starts. This process also starts and kills processes and
        // waits on them, which holds thread-pool threads; with the pool's default of two to start from, a handler
        // could wait half a second for a thread and a queue of sends got one stamp (31 in a second from an instance
        // sending 20).
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), io);
        var clock = Stopwatch.StartNew();
        void say(string what) => progress?.Invoke($"{clock.Elapsed.TotalSeconds:F1} s: {what}");
        var report = new ClusterReport();
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var database = new ClusterDatabase(connectionString);
        await database.WatchSettlingAsync();
        // One fake bot, a port for each instance: its log tells whose each call was.
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { EnforceLimits = true, ExtraPorts = 1 });
        var instances = new[] { Instance("a", connectionString, fake.BaseUrls[0], load), Instance("b", connectionString, fake.BaseUrls[1], load) };
        try
        {
            await Task.WhenAll(instances.Select(i => i.StartAsync(nicedFromTheStart: false)));
            using var front = new ClusterFront(instances, TelegramSecret, PurchaseSecret);
            var updates = new UpdateIds();
            say("setting up the campaign and influencers");
            await SetUpAsync(front, updates, load, database);

            say($"{load.People} people claiming, the sender killed 40% of the way");
            var killed = await ClaimAsync(front, updates, load, instances, database, report, () => downtime?.Invoke() ?? TakenOverAsync(fake, instances));

            say($"{load.Purchases} purchases ({load.Replayed} replayed), {load.Refunds} refunds, {load.Clicks} clicks");
            await BuyAsync(front, load, report);
            await ClickAsync(front, load, report);

            say("waiting for every message to be sent");
            await database.SettledAsync(TimeSpan.FromMinutes(10));
            say("stopping both instances");
            await Task.WhenAll(instances.Select(i => i.StopAsync()));
            report.Retried = front.Retried;
            (report.KilledAt, report.FailoverSeconds) = (killed, Failover(fake, killed));
            await ClusterChecks.RunAsync(report, load, database, fake);
        }
        catch (Exception ex)
        {
            report.Violations.Add($"the scenario failed: {ex.GetType().Name}: {ex.Message}\n" +
                string.Join("\n", instances.Select(i => $"--- instance {i.Name} ---\n{Tail(i.Output)}")));
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }

        report.Seconds = clock.Elapsed.TotalSeconds;
        return report;
    }

    public static string Code(int influencer) => $"INF{influencer:D3}";

    public static long Influencer(int influencer) => 1000 + influencer;

    public static long Person(int person) => 200_000 + person;

    private static ClusterInstance Instance(string name, string connectionString, string telegram, ClusterLoad load)
    {
        var environment = Environment(name, connectionString, telegram);
        environment["Telegram__MaxMessagesPerSecond"] = load.SendRate.ToString(CultureInfo.InvariantCulture);
        environment["Telegram__PrivateChatInterval"] = load.ChatGap.ToString("c", CultureInfo.InvariantCulture);
        for (var a = 1; a <= Admins; a++) environment[$"Bot__Admins__{a - 1}"] = $"telegram:{a}";
        return new ClusterInstance(name, environment);
    }

    private static Dictionary<string, string> Environment(string name, string connectionString, string telegram) => new()
    {
        ["ConnectionStrings__ReferralBot"] = connectionString + $";Application Name=referralbot-{name}",
        ["Telegram__BotToken"] = new FakeBotApiOptions().Token,
        ["Telegram__ApiBaseUrl"] = telegram,
        ["Telegram__WebhookUrl"] = "https://ref.example.sg" + ClusterFront.WebhookPath,
        ["Telegram__WebhookSecret"] = TelegramSecret,
        ["Webhooks__PurchaseSecret"] = PurchaseSecret,
        ["Bot__PublicBaseUrl"] = "https://ref.example.sg",
        ["Bot__DefaultCampaign"] = "glow-serum",
        ["Bot__DefaultLandingUrl"] = "https://shop.example.sg/serum",
        ["Bot__DefaultCurrency"] = "SGD",
        ["Nudges__ThankYouDelay"] = "00:00:00",
        ["Nudges__QuietHours"] = "",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };

    // One tier (Bronze, 10%) for everyone, so each purchase's reward is known; an influencer has started the bot
    // before an admin names them.
    private static async Task SetUpAsync(ClusterFront front, UpdateIds updates, ClusterLoad load, ClusterDatabase database)
    {
        await SayAsync(front, updates.Next(), 1, "Admin 1", "/tier glow-serum remove Silver");
        await SayAsync(front, updates.Next(), 1, "Admin 1", "/tier glow-serum remove Gold");
        await Parallel.ForEachAsync(Enumerable.Range(0, load.Influencers), new ParallelOptions { MaxDegreeOfParallelism = load.Concurrency }, async (i, _) =>
        {
            await SayAsync(front, updates.Next(), Influencer(i), $"Influencer {i}", "/start");
            await SayAsync(front, updates.Next(), 1 + i % Admins, $"Admin {1 + i % Admins}", $"/influencer glow-serum {Influencer(i)} {Code(i)}");
        });

        var codes = await database.InfluencerCodesAsync();
        var tiers = await database.TiersAsync();
        if (codes != load.Influencers || tiers != 1) throw new InvalidOperationException($"Set-up made {codes} influencer codes and left {tiers} tiers.");
    }

    private static async Task SayAsync(ClusterFront front, long updateId, long user, string name, string text, int? instance = null)
    {
        using var response = await front.UpdateAsync(TelegramUpdates.Text(updateId, user, name, text), instance);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"\"{text}\" from {user} was answered {(int)response.StatusCode}.");
    }

    // Returns when the killed instance went down.
    private static async Task<DateTimeOffset> ClaimAsync(
        ClusterFront front, UpdateIds updates, ClusterLoad load, ClusterInstance[] instances, ClusterDatabase database, ClusterReport report, Func<Task> down)
    {
        var order = Enumerable.Range(0, load.People).OrderBy(i => (i * 7919) % load.People).ToList();
        var (done, claimUpdates) = (0, 0);
        var fortyPercent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outage = KillTheSenderAsync(fortyPercent.Task, instances, database, report, down);
        await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = load.Concurrency }, async (i, _) =>
        {
            var (user, text, name) = (Person(i), $"/start {Code(i % load.Influencers)}", $"Fan {i}");
            var update = updates.Next();
            if (i < load.Simultaneous)
            {
                // A double tap: two updates at the same moment, one on each instance.
                var second = updates.Next();
                await Task.WhenAll(SayAsync(front, update, user, name, text, 0), SayAsync(front, second, user, name, text, 1));
                Interlocked.Add(ref claimUpdates, 2);
            }
            else if (i % load.DuplicateEvery == 0)
            {
                // Telegram redelivering: the same update on both instances at once.
                await Task.WhenAll(SayAsync(front, update, user, name, text, 0), SayAsync(front, update, user, name, text, 1));
                Interlocked.Add(ref claimUpdates, 2);
            }
            else
            {
                await SayAsync(front, update, user, name, text);
                Interlocked.Increment(ref claimUpdates);
            }

            if (Interlocked.Increment(ref done) == load.People * 4 / 10) fortyPercent.TrySetResult();
        });
        report.ClaimUpdates = claimUpdates;
        return await outage;
    }

    private static async Task<DateTimeOffset> KillTheSenderAsync(Task fortyPercent, ClusterInstance[] instances, ClusterDatabase database, ClusterReport report, Func<Task> down)
    {
        await fortyPercent;
        var holder = await database.HolderAsync("referralbot:role:telegram-sender:" + new FakeBotApiOptions().Token.Split(':')[0])
            ?? throw new InvalidOperationException("No instance holds the Telegram sender role.");
        var sender = instances.Single(i => holder == $"referralbot-{i.Name}");
        report.KilledInstance = sender.Name;
        await sender.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        await down();
        await sender.StartAsync();
        return killedAt;
    }

    // The instance that was not killed has taken the sender role and sent a window's worth (its first second's burst
    // is over): a restart's start-up, which takes both cores, then does not land on that burst, which the fake,
    // starved too, would stamp late and bunched (an open question of the send window's, see the note).
    private static async Task TakenOverAsync(FakeBotApi fake, ClusterInstance[] instances)
    {
        var survivor = instances.Single(i => !i.Killed);
        var port = new Uri(fake.BaseUrls[Array.IndexOf(instances, survivor)]).Port;
        var before = fake.Calls.Count(c => c.IsSend && c.Succeeded && c.Via == port);
        await fake.WaitForSendsViaAsync(port, before + 30, TimeSpan.FromSeconds(60));
    }

    private static async Task BuyAsync(ClusterFront front, ClusterLoad load, ClusterReport report)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, load.Purchases), new ParallelOptions { MaxDegreeOfParallelism = load.Concurrency }, async (i, _) =>
        {
            var buyer = i % load.People;
            var json = new JsonObject
            {
                ["orderId"] = $"order-{i}",
                ["amount"] = Amount(i),
                ["currency"] = "SGD",
                ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["code"] = Code(buyer % load.Influencers),
                ["customer"] = new JsonObject { ["channel"] = "telegram", ["userId"] = Person(buyer).ToString(CultureInfo.InvariantCulture) },
            }.ToJsonString();
            if (i < load.Replayed)
            {
                // The shop's retry reaching the other instance while the first is still being answered.
                var answers = await Task.WhenAll(ShopAsync(front, "/api/purchases", json, 0), ShopAsync(front, "/api/purchases", json, 1));
                report.Check(answers[0] == answers[1], $"order-{i} replayed got another answer: {answers[0]} / {answers[1]}");
            }
            else
            {
                await ShopAsync(front, "/api/purchases", json);
            }
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, load.Refunds), new ParallelOptions { MaxDegreeOfParallelism = load.Concurrency }, async (i, _) =>
            await ShopAsync(front, "/api/refunds", $$"""{"orderId":"order-{{i}}"}"""));
    }

    /// <summary>
    /// Whole dollars, so each 10% commission is exact in cents, and a different amount for every order: the referrer's
    /// notice ("you earned 2.70 SGD. That's 11 purchases", its count as of when it is sent) then differs from any other.
    /// </summary>
    public static decimal Amount(int order) => 20 + order;

    private static async Task<string> ShopAsync(ClusterFront front, string path, string json, int? instance = null)
    {
        using var response = await front.ShopAsync(path, json, instance);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path} {json} was answered {(int)response.StatusCode}: {body}");
        return body;
    }

    private static async Task ClickAsync(ClusterFront front, ClusterLoad load, ClusterReport report)
    {
        var redirected = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, load.Clicks), new ParallelOptions { MaxDegreeOfParallelism = load.Concurrency }, async (i, _) =>
        {
            var visitor = i % load.Visitors;
            using var response = await front.GetAsync($"/r/{Code(visitor % load.Influencers)}?s=ig", $"Mozilla/5.0 (cluster visitor {visitor})", i % 2);
            if (response.StatusCode == HttpStatusCode.Redirect) Interlocked.Increment(ref redirected);
        });
        report.Check(redirected == load.Clicks, $"{load.Clicks - redirected} of {load.Clicks} clicks were not redirected");
    }

    // From the kill to the first send after the longest pause around it: how long the bot was silent.
    private static double Failover(FakeBotApi fake, DateTimeOffset killedAt)
    {
        var sends = fake.Calls.Where(c => c.IsSend && c.At > killedAt.AddSeconds(-1)).Select(c => c.At).Order().ToList();
        var after = sends.FirstOrDefault(at => at > killedAt);
        if (after == default) return double.NaN;
        var gapEnd = sends.Zip(sends.Skip(1)).Where(p => p.First <= killedAt.AddSeconds(10)).MaxBy(p => p.Second - p.First).Second;
        return ((gapEnd > killedAt ? gapEnd : after) - killedAt).TotalSeconds;
    }

    private static string Tail(string output) => output.Length <= 4000 ? output : output[^4000..];

    private sealed class UpdateIds
    {
        private long last = 100;

        public long Next() => Interlocked.Increment(ref last);
    }
}
