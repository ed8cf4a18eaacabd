namespace ReferralBot.Core.Outbound;

/// <summary>
/// The two marks every outbox message gets on its way out, written as the hottest small writes are (the provider's
/// group commit, with the claims and receipts of the same moment): each returns once it is committed.
/// </summary>
public interface IOutboxMarks
{
    /// <summary>
    /// Marks the message as being sent, its request <paramref name="request"/> of <paramref name="requests"/> starting,
    /// unless it already is, or was settled, or another instance took it; true when this call did.
    /// </summary>
    Task<bool> MarkSendingAsync(long id, DateTime now, int request, int requests, CancellationToken cancellationToken);

    /// <summary>Records that the message's next request, <paramref name="request"/>, is starting; false if the message is no longer this delivery's.</summary>
    Task<bool> MarkStartedAsync(long id, int request, CancellationToken cancellationToken);

    /// <summary>Marks it sent (an answer keeps no text once sent: it is in the person's chat now).</summary>
    Task MarkSentAsync(long id, DateTime now, CancellationToken cancellationToken);
}
