using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ReferralBot.Bench;

/// <summary>
/// Sends exactly <c>--requests</c> GETs over <c>--concurrency</c> keep-alive connections, not following redirects,
/// and prints requests/s and latency percentiles as one JSON line. An exact count, so the service's stored clicks
/// can be compared with what was sent.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Uri(Arguments.Value(args, "--url", "http://127.0.0.1:5101/r/CODE"));
        var total = Arguments.Number(args, "--requests", 100_000);
        var concurrency = Arguments.Number(args, "--concurrency", 64);
        var method = new HttpMethod(Arguments.Value(args, "--method", "GET"));
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency, UseCookies = false };
        using var client = new HttpClient(handler);
        var latencies = new double[total];
        var next = -1;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var request = new HttpRequestMessage(method, url);
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    if (response.StatusCode != HttpStatusCode.Found) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(total - 1, (int)(p * total))];
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            requests = total,
            errors,
            seconds = Math.Round(seconds, 2),
            rps = Math.Round(total / seconds, 0),
            p50 = Math.Round(Percentile(0.50), 2),
            p99 = Math.Round(Percentile(0.99), 2),
        }));
        return errors == 0 ? 0 : 1;
    }
}
