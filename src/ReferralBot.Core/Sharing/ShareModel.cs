namespace ReferralBot.Core.Sharing;

/// <summary>What share texts are written from; <see cref="Disclosure"/> is null for someone who earns nothing from a share.</summary>
public sealed record ShareModel(string Code, string Campaign, string? Offer, string? Voice, string DisplayName, string? Disclosure);
