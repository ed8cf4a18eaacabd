namespace ReferralBot.FakeTelegram;

/// <summary>Every call, in the order they were answered, and waiters woken as matching calls arrive (no polling).</summary>
internal sealed class CallLog
{
    private readonly Lock gate = new();
    private readonly List<RecordedCall> calls = [];
    private readonly List<Waiter> waiters = [];

    public IReadOnlyList<RecordedCall> Snapshot()
    {
        lock (gate) return calls.ToArray();
    }

    public IReadOnlyList<RecordedCall> Where(Func<RecordedCall, bool> match)
    {
        lock (gate) return calls.Where(match).ToArray();
    }

    public void Add(RecordedCall call)
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

    public async Task<IReadOnlyList<RecordedCall>> WaitAsync(Func<RecordedCall, bool> match, int count, TimeSpan timeout, string what)
    {
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

            var seen = string.Join("\n", Snapshot().Select(Describe));
            throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {count} {what}; saw {seenCount}. Calls seen:\n{seen}");
        }
    }

    private static string Describe(RecordedCall call) =>
        $"  {call.At:HH:mm:ss.fff} {call.Method} → {call.Status}{(call.ChatId is { } chat ? $" chat {chat}" : "")}: "
        + string.Join(", ", call.Parameters.Where(p => p.Key != "chat_id").Select(p => $"{p.Key}={Shorten(p.Value)}"));

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";

    private sealed record Waiter(Func<RecordedCall, bool> Match, int Count, List<RecordedCall> Seen)
    {
        public TaskCompletionSource<IReadOnlyList<RecordedCall>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
