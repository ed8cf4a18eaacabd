namespace ReferralBot.Core.Pages;

/// <summary>
/// A person's picture for their landing page and preview card, kept small (<see cref="PhotoImage"/>): one they sent
/// the bot (<c>/photo</c>), else their channel's profile photo. A row without a picture records that the channel had
/// none when it was asked, so it is not asked again on every page view.
/// </summary>
public sealed class PersonPhoto
{
    public int PersonId { get; init; }

    /// <summary>The picture as a square JPEG; null when the channel had no profile photo at <see cref="UpdatedAt"/>.</summary>
    public byte[]? Jpeg { get; set; }

    public PhotoOrigin Origin { get; set; }

    /// <summary>When the picture last changed: the page's photo URL carries it, so browsers may cache that URL for long.</summary>
    public DateTime UpdatedAt { get; set; }
}
