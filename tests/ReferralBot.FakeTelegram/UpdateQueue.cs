using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>
/// Updates waiting for getUpdates. A call with offset N confirms (drops) every update below N; a long poll waits on a
/// signal set when an update arrives. A newer getUpdates ends the one still waiting, with a conflict, as Telegram does.
/// </summary>
internal sealed class UpdateQueue
{
    private readonly Lock gate = new();
    private readonly List<Pending> pending = [];
    private readonly Dictionary<long, string> all = [];
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? waitingPoll;
    private TaskCompletionSource pollWaits = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a getUpdates call is waiting for updates (at once if one is).</summary>
    public Task PollWaiting
    {
        get
        {
            lock (gate) return pollWaits.Task;
        }
    }
    private long lastId;

    public int PendingCount
    {
        get { lock (gate) return pending.Count; }
    }

    public long Add(Func<long, JsonObject> build)
    {
        lock (gate)
        {
            var update = build(++lastId);
            all[lastId] = update.ToJsonString(BotApiJson.Writing);
            Enqueue(new Pending(lastId, update));
            return lastId;
        }
    }

    /// <summary>The same update again, delivered once more even if its id was confirmed already.</summary>
    public void Redeliver(long updateId)
    {
        lock (gate) Enqueue(new Pending(updateId, (JsonObject)JsonNode.Parse(Json(updateId))!) { Redelivered = true });
    }

    public string Json(long updateId)
    {
        lock (gate)
        {
            return all.TryGetValue(updateId, out var json)
                ? json
                : throw new ArgumentOutOfRangeException(nameof(updateId), updateId, "No such update was injected.");
        }
    }

    public void Clear()
    {
        lock (gate) pending.Clear();
    }

    /// <summary>The updates for a getUpdates call, or null when a newer getUpdates call cut this one short.</summary>
    public async Task<JsonArray?> TakeAsync(UpdateRequest request, CancellationToken cancellationToken)
    {
        var superseded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource? previous;
        lock (gate)
        {
            (previous, waitingPoll) = (waitingPoll, superseded);
            Confirm(request);
        }

        previous?.TrySetResult();
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(request.Wait);
        try
        {
            while (true)
            {
                Task signal;
                lock (gate)
                {
                    if (superseded.Task.IsCompleted) return null;
                    if (Batch(request) is { Count: > 0 } batch) return batch;
                    signal = arrived.Task;
                    pollWaits.TrySetResult();
                }

                try
                {
                    await Task.WhenAny(signal, superseded.Task).WaitAsync(waiting.Token);
                }
                catch (OperationCanceledException)
                {
                    lock (gate) return superseded.Task.IsCompleted ? null : Batch(request);
                }
            }
        }
        finally
        {
            lock (gate)
            {
                if (waitingPoll == superseded) waitingPoll = null;
                if (pollWaits.Task.IsCompleted) pollWaits = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Enqueue(Pending update)
    {
        pending.Add(update);
        arrived.TrySetResult();
        arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private void Confirm(UpdateRequest request)
    {
        if (request.Offset is < 0 and var fromEnd)
        {
            var keep = pending.OrderBy(u => u.Id).TakeLast((int)Math.Min(-fromEnd, int.MaxValue)).ToList();
            pending.RemoveAll(u => !keep.Contains(u));
        }
        else if (request.Offset is { } offset)
        {
            // A redelivered update stays until it has been handed out once: its confirmation came before it came back.
            pending.RemoveAll(u => u.Id < offset && (!u.Redelivered || u.HandedOut));
        }

        DropUnwanted(request);
    }

    // Telegram never makes updates of types the bot did not ask for.
    private void DropUnwanted(UpdateRequest request)
    {
        if (request.AllowedUpdates is { Count: > 0 } allowed) pending.RemoveAll(u => !allowed.Contains(u.Type));
    }

    private JsonArray Batch(UpdateRequest request)
    {
        DropUnwanted(request);
        var batch = pending.OrderBy(u => u.Id).Take(request.Limit).ToList();
        foreach (var update in batch) update.HandedOut = true;
        return new JsonArray(batch.Select(u => (JsonNode)u.Update.DeepClone()).ToArray());
    }

    private sealed class Pending(long id, JsonObject update)
    {
        public long Id => id;

        public JsonObject Update => update;

        public string Type { get; } = update.Select(p => p.Key).First(k => k != "update_id");

        public bool Redelivered { get; init; }

        public bool HandedOut { get; set; }
    }
}
