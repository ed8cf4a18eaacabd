using System.Collections.Concurrent;

namespace ReferralBot.Channels.Telegram.Concurrency;

/// <summary>
/// Many writers, one reader that drains everything waiting and then sleeps. Posting takes no lock (an unbounded
/// <see cref="System.Threading.Channels.Channel"/> takes one on every write, and under a burst of webhooks its
/// writers spent their time spinning on it), and wakes the reader at most once per sleep rather than once per item.
/// </summary>
/// <remarks>
/// The reader's loop: <see cref="Rearm"/>, take until <see cref="TryTake"/> finds nothing, then await
/// <see cref="Posted"/> (with whatever else it waits for). Once <see cref="Close"/>d, a post is refused, and an item
/// that raced the closing is handed to the <c>orphaned</c> callback instead of being left unseen.
/// </remarks>
internal sealed class Mailbox<T>(Action<T> orphaned)
{
    private readonly ConcurrentQueue<T> items = new();
    private TaskCompletionSource signal = NewSignal();
    private int signaled;
    private volatile bool closed;

    /// <summary>Completes once something is posted after the last <see cref="Rearm"/> (or the mailbox closes).</summary>
    public Task Posted => Volatile.Read(ref signal).Task;

    public bool IsClosed => closed;

    /// <summary>Queues the item and wakes the reader; false once closed (the item was not taken).</summary>
    public bool Post(T item)
    {
        if (closed) return false;
        items.Enqueue(item);
        if (closed)
        {
            // The reader may have taken its last look already: settle what is left (this item among it) here.
            while (items.TryDequeue(out var left)) orphaned(left);
            return true;
        }

        Wake();
        return true;
    }

    public bool TryTake(out T item) => items.TryDequeue(out item!);

    /// <summary>Readies a fresh <see cref="Posted"/> once the last one has fired; call before draining, not after.</summary>
    public void Rearm()
    {
        if (!Volatile.Read(ref signal).Task.IsCompleted || closed) return;
        // The new signal is published before the flag is cleared, so the writer that next sets the flag completes it.
        Volatile.Write(ref signal, NewSignal());
        Volatile.Write(ref signaled, 0);
    }

    /// <summary>Refuses posts from now on and wakes the reader, which then takes what is left.</summary>
    public void Close()
    {
        closed = true;
        Volatile.Read(ref signal).TrySetResult();
    }

    private void Wake()
    {
        if (Interlocked.Exchange(ref signaled, 1) == 0) Volatile.Read(ref signal).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
