namespace ReferralBot.Core.Outbound;

/// <summary>
/// What a channel calls right before each request of a stored message goes on the wire: <paramref name="request"/> of
/// <paramref name="requests"/> (counted from 0, in the order they are sent; again for a retry of the same request,
/// which answers at once). True: go ahead, the request is now recorded as started, so it will never be sent a second
/// time, and a crash after it resumes the message with the next request. False: do not send it.
/// </summary>
public delegate Task<bool> BeginSending(int request, int requests, CancellationToken cancellationToken);
