namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// The outbox declined a send as it was about to go on the wire (another instance has the message, or this one no
/// longer holds the sender role): nothing was sent, and the message stays the outbox's to send. Not a failure.
/// </summary>
internal sealed class SendWithdrawnException : OperationCanceledException
{
    public SendWithdrawnException()
        : base("The outbox withdrew this message before it was sent.")
    {
    }

    public SendWithdrawnException(string message)
        : base(message)
    {
    }

    public SendWithdrawnException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
