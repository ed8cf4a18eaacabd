using Microsoft.EntityFrameworkCore.Diagnostics;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Testing;

/// <summary>
/// A pulse at every write the service makes (EF saves, and the outbox's marks, which bypass EF), so a test can wait
/// for a state of the database without polling on a timer.
/// </summary>
public sealed class OutboxWatch : SaveChangesInterceptor
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next write after it was read.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Pulse();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Pulse();
        return result;
    }

    internal void Pulse() => Interlocked.Exchange(ref next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>The service's own marks, each followed by a pulse.</summary>
    internal sealed class Marks(IOutboxMarks inner, OutboxWatch watch) : IOutboxMarks
    {
        public async Task<bool> MarkSendingAsync(long id, DateTime now, int request, int requests, CancellationToken cancellationToken)
        {
            var marked = await inner.MarkSendingAsync(id, now, request, requests, cancellationToken);
            watch.Pulse();
            return marked;
        }

        public async Task<bool> MarkStartedAsync(long id, int request, CancellationToken cancellationToken)
        {
            var marked = await inner.MarkStartedAsync(id, request, cancellationToken);
            watch.Pulse();
            return marked;
        }

        public async Task MarkSentAsync(long id, DateTime now, CancellationToken cancellationToken)
        {
            await inner.MarkSentAsync(id, now, cancellationToken);
            watch.Pulse();
        }
    }
}
