using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>Updates waiting for getUpdates. A call with offset N confirms (drops) everything below N.</summary>
internal sealed class UpdateQueue
{
    private readonly Lock gate = new();
    private readonly List<JsonObject> pending = [];
    private readonly Dictionary<long, string> all = [];
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long lastId;

    public long Add(Func<long, JsonObject> build)
    {
        lock (gate)
        {
            var update = build(++lastId);
            all[lastId] = update.ToJsonString();
            pending.Add(update);
            arrived.TrySetResult();
            arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            return lastId;
        }
    }

    public void Redeliver(long updateId)
    {
        lock (gate)
        {
            pending.Add((JsonObject)JsonNode.Parse(all[updateId])!);
            arrived.TrySetResult();
            arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public string Json(long updateId)
    {
        lock (gate) return all[updateId];
    }

    public async Task<JsonArray> TakeAsync(long? offset, int limit, TimeSpan wait, CancellationToken cancellationToken)
    {
        Task signal;
        lock (gate)
        {
            if (offset is { } confirmed) pending.RemoveAll(u => (long)u["update_id"]! < confirmed);
            if (pending.Count > 0) return Batch(limit);
            signal = arrived.Task;
        }

        try
        {
            await signal.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            return [];
        }

        lock (gate) return Batch(limit);
    }

    private JsonArray Batch(int limit) => new(pending.Take(limit).Select(u => (JsonNode)u.DeepClone()).ToArray());
}
