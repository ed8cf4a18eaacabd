namespace ReferralBot.Host.Purchases;

/// <summary>The buyer, when the shop knows who they are in chat.</summary>
public sealed record CustomerRef(string? Channel, string? UserId);
