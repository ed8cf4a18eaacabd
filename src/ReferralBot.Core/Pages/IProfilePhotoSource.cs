namespace ReferralBot.Core.Pages;

/// <summary>
/// A channel's profile pictures (registered by a channel that has them): the one a person shows there, for their
/// landing page until they send one of their own.
/// </summary>
public interface IProfilePhotoSource
{
    /// <summary>The channel's name, as in <see cref="Conversation.InboundMessage.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>The person's current profile picture (a size of about 640 pixels where offered); null when they show none.</summary>
    Task<byte[]?> FetchAsync(string userId, CancellationToken cancellationToken);
}
