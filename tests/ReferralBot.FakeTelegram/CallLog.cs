namespace ReferralBot.FakeTelegram;

/// <summary>Every call, in order, and waiters woken as calls arrive (no polling).</summary>
internal sealed class CallLog
{
    private readonly Lock gate = new();
    private readonly List<RecordedCall> calls = [];
    private readonly List<(Func<RecordedCall, bool> Match, int Count, TaskCompletionSource<IReadOnlyList<RecordedCall>> Done)> waiters = [];

    public IReadOnlyList<RecordedCall> Snapshot()
    {
        lock (gate) return calls.ToList();
    }

    public void Add(RecordedCall call)
    {
        lock (gate)
        {
            calls.Add(call);
            foreach (var waiter in waiters.ToList())
            {
                var matching = calls.Where(waiter.Match).ToList();
                if (matching.Count < waiter.Count) continue;
                waiters.Remove(waiter);
                waiter.Done.TrySetResult(matching);
            }
        }
    }

    public async Task<IReadOnlyList<RecordedCall>> WaitAsync(Func<RecordedCall, bool> match, int count, TimeSpan timeout, string what)
    {
        var done = new TaskCompletionSource<IReadOnlyList<RecordedCall>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            var matching = calls.Where(match).ToList();
            if (matching.Count >= count) return matching;
            waiters.Add((match, count, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var seen = string.Join("\n", Snapshot().Select(c => $"  {c.Method} {c.Status} chat={c.ChatId} {string.Join(", ", c.Parameters.Select(p => $"{p.Key}={p.Value}"))}"));
            throw new TimeoutException($"Waited {timeout} for {count} × {what}; calls seen:\n{seen}");
        }
    }
}
