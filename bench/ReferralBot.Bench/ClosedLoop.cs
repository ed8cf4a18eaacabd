using System.Diagnostics;

namespace ReferralBot.Bench;

/// <summary>
/// Exactly N requests over C workers, each taking the next number until all N are sent: how long it took, how many
/// failed, and every latency (sorted). The load generator and the claims load both run on it.
/// </summary>
internal static class ClosedLoop
{
    /// <summary><paramref name="send"/> gets the request's number and says whether it got the answer it wanted.</summary>
    public static async Task<ClosedLoopResult> RunAsync(int total, int concurrency, Func<int, Task<bool>> send)
    {
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
                bool answered;
                try
                {
                    answered = await send(i);
                }
                catch (HttpRequestException)
                {
                    answered = false;
                }

                if (!answered) Interlocked.Increment(ref errors);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new ClosedLoopResult(seconds, errors, latencies);
    }
}

internal sealed record ClosedLoopResult(double Seconds, int Errors, double[] SortedLatencies)
{
    /// <summary>The latency below which the given share of requests fell, in milliseconds, to two decimals.</summary>
    public double Percentile(double share) =>
        Math.Round(SortedLatencies[Math.Min(SortedLatencies.Length - 1, (int)(share * SortedLatencies.Length))], 2);
}
