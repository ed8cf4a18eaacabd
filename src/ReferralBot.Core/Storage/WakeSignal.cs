namespace ReferralBot.Core.Storage;

/// <summary>
/// Wakes a loop that polls the database when something was just stored, so it does not wait for its next poll.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Someone else woke it at the same moment.
            }
        }
    }

    /// <summary>
    /// Returns when notified or after <paramref name="timeout"/>. A timed-out wait is withdrawn from the semaphore
    /// (cancelled, not abandoned), so it cannot swallow the next notification meant for a later wait.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var poll = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(poll.Token, cancellationToken);
        try
        {
            await signal.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a notification.
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) signal.Dispose();
    }
}
