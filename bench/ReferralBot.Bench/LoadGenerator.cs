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
        var result = await ClosedLoop.RunAsync(total, concurrency, async _ =>
        {
            using var request = new HttpRequestMessage(method, url);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            return response.StatusCode == HttpStatusCode.Found;
        });
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            requests = total,
            errors = result.Errors,
            seconds = Math.Round(result.Seconds, 2),
            rps = Math.Round(total / result.Seconds, 0),
            p50 = result.Percentile(0.50),
            p99 = result.Percentile(0.99),
        }));
        return result.Errors == 0 ? 0 : 1;
    }
}
