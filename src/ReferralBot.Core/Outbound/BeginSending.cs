namespace ReferralBot.Core.Outbound;

/// <summary>
/// What a channel calls right before a stored message's first request goes on the wire (and may call again before
/// later ones; after the first it answers at once). True: go ahead, the message is now recorded as being sent, so
/// it will never be sent a second time. False: do not send it.
/// </summary>
public delegate Task<bool> BeginSending(CancellationToken cancellationToken);
