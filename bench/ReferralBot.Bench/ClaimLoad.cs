using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace ReferralBot.Bench;

/// <summary>
/// <c>claims --url WEBHOOK [--url WEBHOOK…] --secret S --code CODE --users N --concurrency C [--warmup W] [--first-user U] [--first-update I]</c>:
/// N new people (user ids from U, update ids from I; run after run, give each its own) each send
/// <c>/start CODE</c> through the Telegram webhook, every update delivered twice (as Telegram does on a retry), over C
/// connections (<see cref="RawHttpConnection"/>). Several <c>--url</c>s are instances behind a round-robin balancer:
/// people take turns, and an update's second delivery goes to the instance after the one that had the first, so
/// instances sharing a store see each other's updates again. Prints claims/s (first deliveries) and the latency
/// percentiles as one JSON line.
/// </summary>
internal static class ClaimLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var urls = Arguments.Values(args, "--url") is { Count: > 0 } given ? given : ["http://127.0.0.1:5101/telegram/webhook"];
        var secret = Arguments.Value(args, "--secret", "bench-secret");
        var code = Arguments.Value(args, "--code", "CODE");
        var users = Arguments.Number(args, "--users", 20_000);
        var concurrency = Arguments.Number(args, "--concurrency", 40);
        var first = Arguments.Number(args, "--first-user", 500_000_000);
        var firstUpdate = Arguments.Number(args, "--first-update", 1);
        var warmup = Arguments.Number(args, "--warmup", 2_000);
        var instances = new List<Instance>();
        foreach (var url in urls) instances.Add(await Instance.OpenAsync(new Uri(url), (concurrency + urls.Count - 1) / urls.Count));
        var secretHeader = $"X-Telegram-Bot-Api-Secret-Token: {secret}";
        // The warm-up's people and updates come after the measured ones' numbers, so they never collide.
        if (warmup > 0) await SendAsync(instances, secretHeader, code, warmup, concurrency, first + users, firstUpdate + users);
        var result = await SendAsync(instances, secretHeader, code, users, concurrency, first, firstUpdate);
        foreach (var instance in instances) instance.Dispose();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            instances = instances.Count,
            updates = users * 2,
            users,
            errors = result.Errors,
            seconds = Math.Round(result.Seconds, 2),
            claimsPerSecond = Math.Round(users / result.Seconds, 0),
            updatesPerSecond = Math.Round(users * 2 / result.Seconds, 0),
            p50 = result.Percentile(0.50),
            p99 = result.Percentile(0.99),
        }));
        return result.Errors == 0 ? 0 : 1;
    }

    // Each update goes out twice: once in the first half, again in the second (a redelivery), to the next instance.
    // Each of the closed loop's workers takes a connection of its own for each request, so there are never more in
    // use than it has workers; an instance that answers slower than the others gets more of them at once.
    private static Task<ClosedLoopResult> SendAsync(
        List<Instance> instances, string secretHeader, string code, int users, int concurrency, long firstUser, int firstUpdate) =>
        ClosedLoop.RunAsync(users * 2, concurrency, async i =>
        {
            var (person, delivery) = (i % users, i / users);
            var instance = instances[(person + delivery) % instances.Count];
            var request = RawHttpConnection.Post(instance.Url, "application/json", Update(firstUpdate + person, firstUser + person, code), secretHeader);
            var connection = instance.Idle.TryDequeue(out var idle) ? idle : await RawHttpConnection.OpenAsync(instance.Url);
            try
            {
                return await connection.SendAsync(request) == 200;
            }
            catch (Exception ex) when (ex is IOException or SocketException or InvalidDataException)
            {
                connection.Dispose();
                connection = await RawHttpConnection.OpenAsync(instance.Url);
                return false;
            }
            finally
            {
                instance.Idle.Enqueue(connection);
            }
        });

    // One instance's webhook and its idle keep-alive connections.
    private sealed class Instance(Uri url) : IDisposable
    {
        public Uri Url { get; } = url;

        public ConcurrentQueue<RawHttpConnection> Idle { get; } = new();

        public static async Task<Instance> OpenAsync(Uri url, int connections)
        {
            var instance = new Instance(url);
            for (var i = 0; i < connections; i++) instance.Idle.Enqueue(await RawHttpConnection.OpenAsync(url));
            return instance;
        }

        public void Dispose()
        {
            foreach (var connection in Idle) connection.Dispose();
        }
    }

    // People have different names, as they do in a real campaign; codes are made from them (MAYA42).
    private static readonly string[] FirstNames =
    [
        "Aisha", "Ben", "Chloe", "Darren", "Elaine", "Farid", "Grace", "Hui Min", "Ivan", "Jasmine", "Kumar", "Li Wei",
        "Mei Ling", "Nur", "Oliver", "Priya", "Qi", "Rachel", "Siti", "Tan", "Uma", "Vincent", "Wei Jie", "Xin Yi",
        "Yusof", "Zara", "Arjun", "Bryan", "Cheryl", "Dinesh", "Evelyn", "Faith", "Gabriel", "Hafiz", "Irene", "Joel",
        "Kai", "Lakshmi", "Marcus", "Nadia",
    ];

    private static string Update(int updateId, long user, string code)
    {
        var name = FirstNames[(int)(user % FirstNames.Length)];
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return "{\"update_id\":" + updateId.ToString(CultureInfo.InvariantCulture)
            + ",\"message\":{\"message_id\":" + updateId.ToString(CultureInfo.InvariantCulture) + ",\"date\":" + now
            + ",\"chat\":{\"id\":" + user.ToString(CultureInfo.InvariantCulture) + ",\"type\":\"private\",\"first_name\":\"" + name + "\"}"
            + ",\"from\":{\"id\":" + user.ToString(CultureInfo.InvariantCulture) + ",\"is_bot\":false,\"first_name\":\"" + name + "\"}"
            + ",\"text\":\"/start " + code + "\"}}";
    }
}
