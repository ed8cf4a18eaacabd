using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ReferralBot.Bench;

/// <summary>
/// Sends exactly <c>--requests</c> GETs over <c>--concurrency</c> keep-alive connections, not following redirects,
/// and prints requests/s and latency percentiles as one JSON line. An exact count, so the service's stored clicks
/// can be compared with what was sent. With <c>--unknown-codes</c>, each request is for a different code that does
/// not exist, and a 404 is the answer wanted.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Uri(Arguments.Value(args, "--url", "http://127.0.0.1:5101/r/CODE"));
        var total = Arguments.Number(args, "--requests", 100_000);
        var concurrency = Arguments.Number(args, "--concurrency", 64);
        var method = new HttpMethod(Arguments.Value(args, "--method", "GET"));
        // --unknown-codes: every request asks for a different code that does not exist ({random} in the URL), as a
        // flood of made-up links would; the answer wanted is then the 404 page.
        var unknown = args.Contains("--unknown-codes");
        var expected = unknown ? HttpStatusCode.NotFound : HttpStatusCode.Found;
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency, UseCookies = false };
        using var client = new HttpClient(handler);
        var result = await ClosedLoop.RunAsync(total, concurrency, async i =>
        {
            var target = unknown ? new Uri(url.OriginalString.Replace("{random}", RandomCode(i), StringComparison.Ordinal)) : url;
            using var request = new HttpRequestMessage(method, target);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if (unknown) await response.Content.CopyToAsync(Stream.Null);
            return response.StatusCode == expected;
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

    // Eight letters and digits no code has (codes are a name and digits 2-9; these end in 0 or 1), different each time.
    private static string RandomCode(int i) =>
        string.Create(8, (i, Random.Shared.Next()), static (span, state) =>
        {
            const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
            var value = (uint)state.Item2 ^ (uint)state.i * 2654435761u;
            for (var k = 0; k < 7; k++, value /= (uint)Alphabet.Length) span[k] = Alphabet[(int)(value % (uint)Alphabet.Length)];
            span[7] = (state.i & 1) == 0 ? '0' : '1';
        });
}
