using System.Globalization;

namespace ReferralBot.FakeBotFramework;

/// <summary>Every connector call, in the order they were answered, and waiters woken as matching calls arrive (no polling).</summary>
internal sealed class ConnectorLog
{
    private readonly Lock gate = new();
    private readonly List<ConnectorCall> calls = [];
    private readonly List<Waiter> waiters = [];

    public IReadOnlyList<ConnectorCall> Snapshot()
    {
        lock (gate) return calls.ToArray();
    }

    public IReadOnlyList<ConnectorCall> Where(Func<ConnectorCall, bool> match)
    {
        lock (gate) return calls.Where(match).ToArray();
    }

    public void Add(ConnectorCall call)
    {
        lock (gate)
        {
            calls.Add(call);
            for (var i = waiters.Count - 1; i >= 0; i--)
            {
                var waiter = waiters[i];
                if (!waiter.Match(call)) continue;
                waiter.Seen.Add(call);
                if (waiter.Seen.Count < waiter.Count) continue;
                waiters.RemoveAt(i);
                waiter.Done.TrySetResult(waiter.Seen.ToArray());
            }
        }
    }

    public async Task<IReadOnlyList<ConnectorCall>> WaitAsync(Func<ConnectorCall, bool> match, int count, TimeSpan timeout, string what)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Waiter waiter;
        lock (gate)
        {
            var matching = calls.Where(match).ToList();
            if (matching.Count >= count) return matching;
            waiter = new Waiter(match, count, matching);
            waiters.Add(waiter);
        }

        try
        {
            return await waiter.Done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            int seenCount;
            lock (gate)
            {
                if (waiter.Done.Task.IsCompletedSuccessfully) return waiter.Done.Task.Result;
                waiters.Remove(waiter);
                seenCount = waiter.Seen.Count;
            }

            var all = Snapshot();
            var seen = all.Count == 0 ? "  (none)" : string.Join("\n", all.Select(Describe));
            throw new TimeoutException(
                $"Waited {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s for {count} {what}; saw {seenCount}. Connector calls seen:\n{seen}");
        }
    }

    private static string Describe(ConnectorCall call) =>
        $"  {call.At.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} conversation '{call.ConversationId}'"
        + (call.ReplyToId is { } replyTo ? $" reply to '{replyTo}'" : " (to conversation)")
        + $" → {call.Status}: {call.Type ?? "?"}"
        + (call.Text is { } text ? $" \"{Shorten(text)}\"" : "")
        + (call.BearerToken is null ? " (no bearer)" : "");

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";

    private sealed record Waiter(Func<ConnectorCall, bool> Match, int Count, List<ConnectorCall> Seen)
    {
        public TaskCompletionSource<IReadOnlyList<ConnectorCall>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
