namespace ReferralBot.FakeTelegram;

/// <summary>What a getUpdates call asks for: its offset, limit, how long it may wait, and the update types it wants.</summary>
internal sealed record UpdateRequest(long? Offset, int Limit, TimeSpan Wait, IReadOnlyCollection<string>? AllowedUpdates);
