using System.Globalization;
using System.Runtime.InteropServices;
using ReferralBot.FakeTelegram;

namespace ReferralBot.Bench;

/// <summary>
/// <c>fake-telegram --port N [--limits] [--latency-ms MIN-MAX] [--retry-after-at K --retry-after S] [--record FILE] [--no-gc-mb M]</c>:
/// the tests' fake Bot API, standing in for Telegram while the service is measured. With <c>--limits</c> it refuses
/// (429) any send that breaks 30/s overall or 1/s per chat; <c>--retry-after-at</c> answers the sendMessage after the
/// K-th accepted one with a 429 carrying <c>retry_after</c> S; <c>--record</c> writes every send (arrival in ms and µs,
/// method, chat, status, text) as CSV when it stops. <c>--no-gc-mb</c> keeps the collector out until the fake has
/// allocated M MB. Its last line says how often it collected garbage while running, and how much it allocated.
/// </summary>
internal static class FakeTelegramServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        // A thread for each handler at once, from the first send. In a trial of part 7 the first second's sends (each on
        // a new connection) were clocked in clumps, up to 190 ms apart, and one was refused; the pool's default minimum
        // of two threads, grown slowly, is one cause of such clumps that this rules out (the tests' cluster fake had it).
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), io);
        var latency = Arguments.Value(args, "--latency-ms", "0-0").Split('-').Select(v => TimeSpan.FromMilliseconds(double.Parse(v, CultureInfo.InvariantCulture))).ToArray();
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions
        {
            Port = Arguments.Number(args, "--port", 5103),
            EnforceLimits = args.Contains("--limits"),
            InlineScheduling = true,
            ClockFromKernel = true,
            Latency = (latency[0], latency[^1]),
        });
        // The fake clocks a send as its handler starts, and a collection in between makes that clock late: the send 30
        // after a late one then seems to share its second, and is refused with a 429 that Telegram would not send.
        // Kept out of collections, the fake's clock is as true as the host's scheduler allows.
        var noGc = Arguments.Number(args, "--no-gc-mb", 0);
        if (noGc > 0 && !GC.TryStartNoGCRegion(noGc * 1_000_000L)) Console.Error.WriteLine("no-gc region refused");
        var (collectionsBefore, pausedBefore) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
        Console.WriteLine(fake.BaseUrl);
        using var stop = new CancellationTokenSource();
        // The fake's own host takes SIGTERM and SIGINT to stop itself; these end this wait as well.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => stop.Cancel());
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => stop.Cancel());
        var retryAt = Arguments.Number(args, "--retry-after-at", 0);
        var injection = retryAt > 0 ? InjectRetryAfterAsync(fake, retryAt, Arguments.Number(args, "--retry-after", 5), stop.Token) : Task.CompletedTask;
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await injection;
        // A collection pauses the fake between a request's arrival and its clock on it: the benchmarks report them.
        var (collections, paused, allocated) = (GC.CollectionCount(0) - collectionsBefore, GC.GetTotalPauseDuration() - pausedBefore, GC.GetTotalAllocatedBytes());
        if (Arguments.Value(args, "--record", "") is { Length: > 0 } file) await RecordAsync(fake, file);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"collections {collections} paused_ms {paused.TotalMilliseconds:F1} allocated_mb {allocated / 1e6:F0}"));
        return 0;
    }

    // Once K sends were accepted, the next sendMessage (to any chat) is answered 429 with retry_after.
    private static async Task InjectRetryAfterAsync(FakeBotApi fake, int acceptedSends, int retryAfter, CancellationToken stop)
    {
        try
        {
            // Woken by the call log, not by polling it: copying the whole log ten times a second made large-object
            // garbage, and the fake's collections then held up its clock on arriving sends by up to 40 ms.
            await fake.WaitForCallsAsync("sendMessage", acceptedSends, Timeout.InfiniteTimeSpan).WaitAsync(stop);
            fake.FailNext("sendMessage", 429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
        }
        catch (OperationCanceledException)
        {
            // Stopped before that many.
        }
    }

    private static async Task RecordAsync(FakeBotApi fake, string file)
    {
        await using var writer = new StreamWriter(file);
        await writer.WriteLineAsync("at_unix_ms,at_unix_us,method,chat_id,status,text");
        foreach (var call in fake.Calls.Where(c => c.IsSend))
        {
            var text = call.Parameters.GetValueOrDefault("text") ?? call.Parameters.GetValueOrDefault("caption") ?? "";
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{call.At.ToUnixTimeMilliseconds()},{(call.At.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10},{call.Method},{call.ChatId},{call.Status},\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
        }
    }
}
