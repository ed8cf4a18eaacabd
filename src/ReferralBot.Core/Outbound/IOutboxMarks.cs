namespace ReferralBot.Core.Outbound;

/// <summary>
/// The two marks every outbox message gets on its way out, written as the hottest small writes are (the provider's
/// group commit, with the claims and receipts of the same moment): each returns once it is committed.
/// </summary>
public interface IOutboxMarks
{
    /// <summary>Marks the message as being sent unless it already is, or was settled; true when this call did.</summary>
    Task<bool> MarkSendingAsync(long id, DateTime now, CancellationToken cancellationToken);

    /// <summary>Marks it sent (an answer keeps no text once sent: it is in the person's chat now).</summary>
    Task MarkSentAsync(long id, DateTime now, CancellationToken cancellationToken);
}
