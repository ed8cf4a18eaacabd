namespace ReferralBot.Core.Sharing;

/// <summary>
/// A member's card as posted to a chat: a title and description to pick it by, the message it posts (HTML subset,
/// with the link whose preview shows the page's card) and its button.
/// </summary>
public sealed record ChatCard(
    string Id, string Title, string Description, string? ThumbnailUrl, string MessageHtml, string Link, string ButtonLabel);
