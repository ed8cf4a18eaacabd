namespace ReferralBot.Core.Outbound;

/// <summary>Wakes the dispatcher when something was just stored, so it does not wait for its next poll.</summary>
public sealed class OutboxSignal : IDisposable
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

    internal Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        Task.WhenAny(signal.WaitAsync(cancellationToken), Task.Delay(timeout, time, cancellationToken));

    public void Dispose() => signal.Dispose();
}
